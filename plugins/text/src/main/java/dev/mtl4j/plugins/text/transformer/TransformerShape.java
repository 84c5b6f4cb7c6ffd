package dev.mtl4j.plugins.text.transformer;

/**
 * The sizes of a BERT-style encoder.
 *
 * @param vocabulary word pieces in the vocabulary
 * @param positions the longest sequence its position embeddings cover
 * @param hidden the width of a token's representation
 * @param heads attention heads per layer (each {@code hidden / heads} wide)
 * @param intermediate the width of each layer's feed-forward part
 * @param layers transformer layers
 * @param epsilon the layer norms' epsilon
 */
public record TransformerShape(int vocabulary, int positions, int hidden, int heads, int intermediate, int layers,
                               double epsilon) {

    public TransformerShape {
        if (vocabulary < 1 || positions < 1 || hidden < 1 || heads < 1 || intermediate < 1 || layers < 0 || !(epsilon > 0)) {
            throw new IllegalArgumentException("a transformer needs positive sizes, got " + vocabulary + "/" + positions + "/"
                    + hidden + "/" + heads + "/" + intermediate + "/" + layers + "/" + epsilon);
        }
        if (hidden % heads != 0) {
            throw new IllegalArgumentException("hidden width " + hidden + " is not a multiple of the " + heads + " heads");
        }
    }

    public int headWidth() {
        return hidden / heads;
    }

    /** The same model cut to its lowest {@code depth} layers. */
    public TransformerShape firstLayers(int depth) {
        if (depth < 1 || depth > layers) {
            throw new IllegalArgumentException("depth " + depth + " is outside 1.." + layers);
        }
        return new TransformerShape(vocabulary, positions, hidden, heads, intermediate, depth, epsilon);
    }
}
