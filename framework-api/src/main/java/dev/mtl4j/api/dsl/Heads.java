package dev.mtl4j.api.dsl;

/** Builders for the built-in heads. */
public final class Heads {
    private Heads() {
    }

    /** Single-label classification over the label column's classes (count taken from the data). */
    public static Head classification() {
        return new Head("classification");
    }

    /** Single-label classification; the data must have exactly {@code classes} classes. */
    public static Head classification(int classes) {
        return new Head("classification").param("classes", classes);
    }

    /** A yes/no task: one sigmoid output. */
    public static Head binary() {
        return new Head("binary");
    }

    /** Several independent yes/no labels, one label column each. */
    public static Head multilabel() {
        return new Head("multilabel");
    }

    /** Regression onto the label columns (one output per column). */
    public static Head regression() {
        return new Head("regression");
    }

    /** Regression; the task must have exactly {@code outputs} label columns. */
    public static Head regression(int outputs) {
        return new Head("regression").param("outputs", outputs);
    }

    /**
     * Ordered classes (CORAL): one score and a threshold between each two neighbouring classes.
     *
     * @param classesLowestFirst the classes in order; none: the label column's values in numeric order
     */
    public static Head ordinal(String... classesLowestFirst) {
        Head head = new Head("ordinal");
        if (classesLowestFirst.length > 0) {
            head.set("classes", java.util.List.of(classesLowestFirst));
        }
        return head;
    }

    /** A head's parameters. */
    public static final class Head extends Component {
        Head(String type) {
            super(type);
        }

        @Override
        public Head param(String name, Object value) {
            super.param(name, value);
            return this;
        }

        /** Hidden dense layers between the shared representation and the output. */
        public Head hidden(int... widths) {
            set("hidden", ints(widths));
            return this;
        }

        /** {@code binary}: the label value that is positive (encoded 1, its F1 reported). */
        public Head positive(String value) {
            set("positive", value);
            return this;
        }

        /** {@code binary}: the weight of a positive example's loss. */
        public Head positiveWeight(double weight) {
            set("positiveWeight", weight);
            return this;
        }

        /** {@code binary}: positive examples weighted by negatives/positives in the training rows. */
        public Head positiveWeightAuto() {
            set("positiveWeight", "auto");
            return this;
        }

        /** {@code classification}: the weight of each named class's examples (others weigh 1). */
        public Head classWeights(java.util.Map<String, Double> weights) {
            set("classWeights", weights);
            return this;
        }

        /** {@code classification}: classes weighted rows / (classes x rows of the class), from the training rows. */
        public Head classWeightsBalanced() {
            set("classWeights", "balanced");
            return this;
        }

        /** {@code binary} and {@code classification}: the focal-loss exponent γ (0: plain cross-entropy). */
        public Head focal(double gamma) {
            set("focal", gamma);
            return this;
        }

        /** {@code binary}: the probability of the positive value above which it is predicted (0.5 by default). */
        public Head threshold(double probability) {
            set("threshold", probability);
            return this;
        }

        /** {@code binary}: after training, the threshold with the best F1 on the validation rows, kept in the model. */
        public Head thresholdForBestF1() {
            set("chooseThreshold", "f1");
            return this;
        }

        /** The regression loss: mse or mae. */
        public Head loss(String loss) {
            set("loss", loss);
            return this;
        }
    }
}
