package dev.mtl4j.api.dsl;

/** Builders for the built-in transfer strategies. */
public final class Transfers {
    private Transfers() {
    }

    /** The encoder trains with the new heads; optionally its lowest layers frozen and lower layers slower. */
    public static FineTune fineTune() {
        return new FineTune("fine-tune");
    }

    /** The encoder frozen; its output computed once; only the heads train. */
    public static Component featureExtraction() {
        return Component.of("feature-extraction");
    }

    /** ULMFiT's schedule: the heads first, then one more encoder layer each epoch, from the top. */
    public static FineTune gradualUnfreezing() {
        return new FineTune("gradual-unfreezing");
    }

    /**
     * DANN (Ganin et al. 2016): a domain classifier behind a gradient-reversal layer, trained on the
     * pipeline's rows and the target rows of {@link Data#target}; removed before saving.
     */
    public static DomainAdversarial domainAdversarial() {
        return new DomainAdversarial();
    }

    /** Deep CORAL (Sun and Saenko 2016): the covariance distance between source and target features, added to the loss. */
    public static Coral coral() {
        return new Coral();
    }

    /**
     * Reptile (Nichol et al. 2018): meta-learns, over the tasks of {@link MetaLearning#taskColumn}, a
     * start that fits a new task from k rows in a few gradient steps; in a transfer pipeline, adapts
     * to the new task by the same steps.
     */
    public static MetaLearning reptile() {
        return new MetaLearning("reptile");
    }

    /** First-order MAML (Finn et al. 2017): as {@link #reptile()}, the outer step from the query rows' gradient. */
    public static MetaLearning fomaml() {
        return new MetaLearning("fomaml");
    }

    /** The parameters of {@code reptile} and {@code fomaml}. */
    public static final class MetaLearning extends Component {
        MetaLearning(String type) {
            super(type);
        }

        /** The column whose value says which task a row belongs to. */
        public MetaLearning taskColumn(String column) {
            set("taskColumn", column);
            return this;
        }

        /** Rows an episode adapts on (k). */
        public MetaLearning support(int rows) {
            set("support", rows);
            return this;
        }

        /** Rows an episode is measured on after adapting. */
        public MetaLearning query(int rows) {
            set("query", rows);
            return this;
        }

        /** Gradient-descent steps of the inner loop. */
        public MetaLearning innerSteps(int steps) {
            set("innerSteps", steps);
            return this;
        }

        /** The inner loop's learning rate. */
        public MetaLearning innerLr(double rate) {
            set("innerLr", rate);
            return this;
        }

        /** Tasks per outer step. */
        public MetaLearning metaBatch(int tasks) {
            set("metaBatch", tasks);
            return this;
        }

        /** Outer steps per epoch. */
        public MetaLearning outerSteps(int steps) {
            set("outerSteps", steps);
            return this;
        }

        /** The adaptation step counts after which held-out tasks are measured. */
        public MetaLearning evaluateAfter(int... steps) {
            set("evaluateAfter", ints(steps));
            return this;
        }
    }

    /** The parameters of {@code domain-adversarial}. */
    public static final class DomainAdversarial extends Component {
        DomainAdversarial() {
            super("domain-adversarial");
        }

        /** The largest weight λ of the reversed gradient. */
        public DomainAdversarial lambda(double value) {
            set("lambda", value);
            return this;
        }

        /** λ from the first step instead of the paper's rising schedule. */
        public DomainAdversarial constant() {
            set("schedule", "constant");
            return this;
        }

        /** The steepness γ of the paper's schedule λ·(2/(1+exp(−γ·p))−1). */
        public DomainAdversarial gamma(double value) {
            set("gamma", value);
            return this;
        }

        /** The domain classifier's hidden layer widths ({@code hidden()} for a logistic regression). */
        public DomainAdversarial hidden(int... widths) {
            set("hidden", ints(widths));
            return this;
        }

        /** The source encoder's learning rate in a transfer pipeline. */
        public DomainAdversarial lr(double value) {
            set("lr", value);
            return this;
        }
    }

    /** The parameters of {@code coral}. */
    public static final class Coral extends Component {
        Coral() {
            super("coral");
        }

        /** The CORAL loss's weight in the joint loss. */
        public Coral weight(double value) {
            set("weight", value);
            return this;
        }

        /** The source encoder's learning rate in a transfer pipeline. */
        public Coral lr(double value) {
            set("lr", value);
            return this;
        }
    }

    /** The parameters of {@code fine-tune} and {@code gradual-unfreezing}. */
    public static final class FineTune extends Component {
        FineTune(String type) {
            super(type);
        }

        /** The encoder's learning rate (its top layer's, with {@link #decay}); default the pipeline's. */
        public FineTune lr(double learningRate) {
            set("lr", learningRate);
            return this;
        }

        /** Each layer's learning rate is this factor of the one above it (discriminative learning rates). */
        public FineTune decay(double factor) {
            set("decay", factor);
            return this;
        }

        /** Keep the lowest {@code layers} encoder layers frozen (fine-tune only). */
        public FineTune freeze(int layers) {
            set("freeze", layers);
            return this;
        }

        /** Encoder layers that stay frozen, by vertex name or its last part, e.g. {@code dense_0} (fine-tune only). */
        public FineTune frozen(String... layers) {
            set("frozen", java.util.Arrays.asList(layers));
            return this;
        }

        /** Epochs between two unfreezings (gradual-unfreezing only). */
        public FineTune every(int epochs) {
            set("every", epochs);
            return this;
        }
    }
}
