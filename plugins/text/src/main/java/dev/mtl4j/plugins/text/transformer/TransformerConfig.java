package dev.mtl4j.plugins.text.transformer;

import dev.mtl4j.api.graph.ActivationName;
import dev.mtl4j.api.spec.SpecException;
import dev.mtl4j.api.spi.Param;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code transformer} encoder's parameters.
 *
 * @param tuning which parameters train: full, lora, adapter, or frozen (the sentence embedding as features)
 * @param tunedLayers the top layers that are tuned (at most {@code depth} of them); the embeddings and the
 *     layers below are frozen
 * @param depth the pretrained layers used, from the bottom
 * @param tuneEmbeddings whether the word, position and type embeddings train too (full tuning of every layer)
 * @param maxLength word pieces read per text, [CLS] and [SEP] included
 * @param loraRank the rank of each LoRA update
 * @param loraAlpha LoRA updates are scaled by {@code loraAlpha / loraRank}
 * @param loraTargets the attention projections that get a LoRA update
 * @param adapterSize the bottleneck width of each adapter
 * @param cacheMegabytes how much of the frozen lower layers' output a network keeps, so that later epochs skip them
 * @param hidden dense layers on the sentence vector, bottom first
 * @param activation the activation of those layers
 * @param dropout the probability of dropping a unit after each dense layer
 */
public record TransformerConfig(
        @Param(doc = "what trains: full (every weight of the tuned layers), lora (low-rank updates of attention projections),"
                + " adapter (bottleneck adapters and layer norms), frozen (the sentence embedding as fixed features)",
                defaultValue = "lora") Tuning tuning,
        @Param(doc = "the top layers that are tuned, at most depth (6: all); the embeddings and the layers below stay"
                + " frozen", defaultValue = "6",
                min = 1, max = 6) int tunedLayers,
        @Param(doc = "pretrained layers used, from the bottom (fewer: a smaller, faster encoder)", defaultValue = "6",
                min = 1, max = 6) int depth,
        @Param(doc = "train the word, position and type embeddings too (needs tuning: full and every layer tuned)",
                defaultValue = "false") boolean tuneEmbeddings,
        @Param(doc = "word pieces read per text, [CLS] and [SEP] included (all-MiniLM-L6-v2 was trained on 128)",
                defaultValue = "128", min = 2, max = 512) int maxLength,
        @Param(doc = "rank of each LoRA update (tuning: lora)", defaultValue = "8", min = 1, max = 384) int loraRank,
        @Param(doc = "LoRA's alpha: an update is scaled by alpha / rank (tuning: lora)", defaultValue = "16", min = 0)
        double loraAlpha,
        @Param(doc = "attention projections with a LoRA update, among query, key, value, output (tuning: lora)",
                defaultValue = "[query, value]") List<String> loraTargets,
        @Param(doc = "bottleneck width of each adapter (tuning: adapter)", defaultValue = "64", min = 1, max = 384)
        int adapterSize,
        @Param(doc = "MB of the frozen lower layers' output kept by a network, so later epochs skip those layers",
                defaultValue = "512", min = 0, max = 65536) int cacheMegabytes,
        @Param(doc = "dense layers on the 384-wide sentence vector ([] = the heads read it directly)", defaultValue = "[]",
                min = 1) List<Integer> hidden,
        @Param(doc = "activation of the dense layers", defaultValue = "relu") ActivationName activation,
        @Param(doc = "probability of dropping a unit after each dense layer", defaultValue = "0.0", min = 0, max = 0.95)
        double dropout) {

    public TransformerConfig {
        loraTargets = loraTargets == null ? List.of() : List.copyOf(loraTargets);
        hidden = hidden == null ? List.of() : new ArrayList<>(hidden);
        if (tuneEmbeddings && (tuning != Tuning.FULL || tunedLayers < depth)) {
            throw new SpecException("tuneEmbeddings", "the embeddings train only under tuning: full with every layer"
                    + " tuned (tunedLayers = depth = " + depth + "), got tuning " + tuning.name().toLowerCase(java.util.Locale.ROOT)
                    + " and tunedLayers " + tunedLayers);
        }
        if (loraTargets.isEmpty() || !BlockSpec.PROJECTIONS.containsAll(loraTargets)) {
            throw new SpecException("loraTargets", "give one or more of " + BlockSpec.PROJECTIONS + ", got " + loraTargets);
        }
    }

    /** The number of layers tuned: the top {@code tunedLayers} of the {@code depth} used. */
    int tuned() {
        return Math.min(tunedLayers, depth);
    }

    /** How each tuned layer trains. */
    BlockSpec blockSpec(TransformerShape shape) {
        return BlockSpec.of(shape, tuning, loraRank, loraAlpha, loraTargets, adapterSize);
    }
}
