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
