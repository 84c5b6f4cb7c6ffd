package dev.mtl4j.api.dsl;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builders for the built-in sharing strategies. */
public final class Sharing {
    private Sharing() {
    }

    /** One shared encoder, one head per task: the classic shared bottom. */
    public static Component hard() {
        return Component.of("hard");
    }

    /** One encoder tower per task, kept close by an L2 penalty and/or mixed by cross-stitch units. */
    public static Soft soft() {
        return new Soft();
    }

    /** One encoder; each task's head reads the depth it names with {@link Hierarchical#at}. */
    public static Hierarchical hierarchical() {
        return new Hierarchical();
    }

    /** Task-specific attention over shared representations: {@code mmoe}, {@code mtan} or {@code cgc}. */
    public static Attention attention(String kind) {
        return new Attention(kind);
    }

    /**
     * One frozen pretrained body (the transformer's), and over it each task's own trainable top (its
     * LoRA matrices, adapters or tuned layers); {@link TaskAdapters#set} lets tasks share one.
     */
    public static TaskAdapters taskAdapters() {
        return new TaskAdapters();
    }

    /** The {@code task-adapters} strategy's parameters. */
    public static final class TaskAdapters extends Component {
        private final Map<String, Object> sets = new LinkedHashMap<>();

        TaskAdapters() {
            super("task-adapters");
        }

        /** The adapter set the task uses: tasks given the same number share one; a task not named gets its own. */
        public TaskAdapters set(String task, int set) {
            sets.put(task, set);
            set("sets", new LinkedHashMap<>(sets));
            return this;
        }
    }

    /** The {@code soft} strategy's parameters. */
    public static final class Soft extends Component {
        Soft() {
            super("soft");
        }

        /** {@code l2} adds coefficient · Σ ‖θ_a − θ_b‖² between corresponding tower parameters; {@code none} adds nothing. */
        public Soft penalty(String penalty) {
            set("penalty", penalty);
            return this;
        }

        /** The L2 penalty's coefficient. */
        public Soft coefficient(double coefficient) {
            set("coefficient", coefficient);
            return this;
        }

        /** Learned cross-stitch units after each tower layer (Misra et al. 2016). */
        public Soft crossStitch(boolean crossStitch) {
            set("crossStitch", crossStitch);
            return this;
        }
    }

    /** The {@code hierarchical} strategy's parameters. */
    public static final class Hierarchical extends Component {
        private final Map<String, Object> depths = new LinkedHashMap<>();

        Hierarchical() {
            super("hierarchical");
        }

        /** The encoder depth (1 = the first layer) the task's head reads; tasks not named read the top. */
        public Hierarchical at(String task, int depth) {
            depths.put(task, depth);
            set("at", new LinkedHashMap<>(depths));
            return this;
        }
    }

    /** The {@code attention} strategy's parameters. */
    public static final class Attention extends Component {
        Attention(String kind) {
            super("attention");
            set("kind", kind);
        }

        /** The number of experts shared by all tasks ({@code mmoe}, {@code cgc}). */
        public Attention experts(int experts) {
            set("experts", experts);
            return this;
        }

        /** The number of experts each task owns ({@code cgc}). */
        public Attention taskExperts(int taskExperts) {
            set("taskExperts", taskExperts);
            return this;
        }
    }
}
