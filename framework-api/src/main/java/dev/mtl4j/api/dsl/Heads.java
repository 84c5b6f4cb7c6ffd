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

        /** The regression loss: mse or mae. */
        public Head loss(String loss) {
            set("loss", loss);
            return this;
        }
    }
}
