package dev.mtl4j.runtime.config;

import dev.mtl4j.api.spec.ComponentSpec;
import dev.mtl4j.api.spec.SpecException;
import dev.mtl4j.api.spec.TaskDataSpec;
import dev.mtl4j.api.spec.TaskSpec;
import dev.mtl4j.runtime.plugin.Family;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the {@code tasks:} section: an ordered map from task name to head, weight, labels and its own data. */
final class TaskReader {
    static final List<String> KEYS = Sections.TASK.names();

    private final ComponentReader components;

    TaskReader(ComponentReader components) {
        this.components = components;
    }

    /** Every task that reads cleanly, in file order. */
    List<TaskSpec> read(YamlMap tasks) {
        List<TaskSpec> specs = new ArrayList<>();
        for (String name : tasks.keys()) {
            YamlMap.of(tasks.value(name).orElseThrow(), tasks.path(name), tasks.values())
                    .flatMap(task -> task(name, task, tasks))
                    .ifPresent(specs::add);
        }
        return specs;
    }

    private Optional<TaskSpec> task(String name, YamlMap task, YamlMap tasks) {
        task.allowOnly(KEYS);
        Optional<ComponentSpec> head = task.required("head")
                .flatMap(node -> components.read(node, task.path("head"), Family.HEAD, task.values()));
        double weight = task.number("weight").orElse(TaskSpec.DEFAULT_WEIGHT);
        // `label: X` reads better for the usual single column; `labels:` names several.
        Optional<List<String>> listed = task.texts("labels");
        List<String> labels = listed.orElse(List.of());
        if (listed.isPresent() && labels.isEmpty()) {
            // The spec would read the column named like the task: an empty list is surely a mistake.
            task.values().problems().at(task.value("labels").orElseThrow(), task.path("labels"),
                    "lists no column; name one, or leave labels out to read the column '" + name + "'");
        }
        if (task.keys().contains("label")) {
            if (task.keys().contains("labels")) {
                task.values().problems().at(task.keyNode("label").orElseThrow(), task.path("label"),
                        "give either 'label' or 'labels', not both");
            }
            labels = task.text("label").map(List::of).orElse(List.of());
        }
        boolean hasData = task.keys().contains("data");
        Optional<TaskDataSpec> data = task.map("data").flatMap(new DataReader(components)::readTask);
        if (head.isEmpty() || (hasData && data.isEmpty())) {
            return Optional.empty();
        }
        List<String> labelColumns = labels;
        try {
            return Optional.of(new TaskSpec(name, head.get(), weight, labelColumns, data.orElse(null)));
        } catch (SpecException e) {
            if (e.key().equals("name")) {
                tasks.values().problems().at(tasks.keyNode(name).orElseThrow(), tasks.path(name), e.reason());
            } else {
                task.report(e);
            }
            return Optional.empty();
        }
    }
}
