package dev.mtl4j.runtime.config;

import dev.mtl4j.api.Location;
import dev.mtl4j.api.MtlException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Where the keys of one pipeline file are written, for problems found after the file was read (a
 * data file not found, a label column the data lacks, a transfer's {@code keep} naming no task): a
 * problem carries its key as data, and this places it at that key's {@code FILE:LINE:COLUMN}.
 */
public final class PipelineLocator {
    private final String file;
    private final YamlMap top;
    private final List<PipelineOverride> overrides;

    private PipelineLocator(String file, YamlMap top) {
        this(file, top, List.of());
    }

    private PipelineLocator(String file, YamlMap top, List<PipelineOverride> overrides) {
        this.file = file;
        this.top = top;
        this.overrides = List.copyOf(overrides);
    }

    /** The locator of a pipeline file read with {@code --set} overrides: a key one of them set is placed at it. */
    public static PipelineLocator of(Path file, List<PipelineOverride> overrides) {
        return of(file).with(overrides);
    }

    /** This locator, placing a key one of {@code overrides} set at that override. */
    public PipelineLocator with(List<PipelineOverride> overrides) {
        return new PipelineLocator(file, top, overrides);
    }

    /** The locator of a pipeline file; never throws (a file that cannot be read places keys at the file itself). */
    public static PipelineLocator of(Path file) {
        try {
            return of(PipelineYamlReader.text(file), file.toString());
        } catch (RuntimeException e) {
            return new PipelineLocator(file.toString(), null);
        }
    }

    /** The locator of a pipeline's text, named {@code fileName} in locations. */
    public static PipelineLocator of(String yamlText, String fileName) {
        Problems problems = new Problems(fileName);
        Optional<Node> root = SafeYaml.compose(yamlText, problems);
        YamlMap top = root.filter(MappingNode.class::isInstance)
                .map(node -> YamlMap.at(node, "", new YamlValues(problems))).orElse(null);
        return new PipelineLocator(fileName, top);
    }

    /**
     * Where a dotted key ({@code tasks.parity.data.source.path}) is written: the deepest part of it
     * the file has, as {@code FILE:LINE:COLUMN}; the file itself when it has no part of the key.
     */
    public Location locate(String dottedKey) {
        for (int i = overrides.size() - 1; i >= 0; i--) { // the last --set of a key is the one that counts
            if (overrides.get(i).covers(dottedKey)) {
                return Location.file(overrides.get(i).place(file));
            }
        }
        if (top == null || top.keys().stream().noneMatch(k -> dottedKey.equals(k) || dottedKey.startsWith(k + "."))) {
            return Location.file(file);
        }
        Node node = top.locate(dottedKey);
        return Location.position(file, node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1);
    }

    /** The same exception with each keyed problem that has no location placed at its key in this file. */
    public MtlException place(MtlException problem) {
        return problem.locatedBy(key -> Optional.of(locate(key)));
    }
}
