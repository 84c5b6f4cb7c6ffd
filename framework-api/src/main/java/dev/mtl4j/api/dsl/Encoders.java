package dev.mtl4j.api.dsl;

/** Builders for the built-in encoders. */
public final class Encoders {
    private Encoders() {
    }

    /** A multi-layer perceptron: dense layers of the given widths. */
    public static Mlp mlp() {
        return new Mlp();
    }

    /** The {@code mlp} encoder's parameters. */
    public static final class Mlp extends Component {
        Mlp() {
            super("mlp");
        }

        /** The width of each hidden layer, bottom first. */
        public Mlp hidden(int... widths) {
            set("hidden", ints(widths));
            return this;
        }

        /** The activation of every hidden layer: relu, tanh, sigmoid, gelu, elu, leaky-relu, swish. */
        public Mlp activation(String activation) {
            set("activation", activation);
            return this;
        }

        /** The probability of dropping a unit after each hidden layer, in [0, 1). */
        public Mlp dropout(double probability) {
            set("dropout", probability);
            return this;
        }
    }
}
