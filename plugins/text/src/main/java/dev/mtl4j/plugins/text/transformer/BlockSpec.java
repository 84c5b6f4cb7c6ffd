package dev.mtl4j.plugins.text.transformer;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One transformer layer's sizes and how it is tuned, with the names of its parameters.
 *
 * @param hidden the width of a token's representation
 * @param heads attention heads
 * @param intermediate the feed-forward width
 * @param epsilon the layer norms' epsilon
 * @param tuning which parameters train
 * @param loraRank the rank of each low-rank update (LORA)
 * @param loraAlpha the updates are scaled by {@code loraAlpha / loraRank} (LORA)
 * @param loraTargets the projections that get an update: query, key, value, output (LORA)
 * @param adapterSize the bottleneck width of each adapter (ADAPTER)
 */
public record BlockSpec(int hidden, int heads, int intermediate, double epsilon, Tuning tuning, int loraRank,
                        double loraAlpha, List<String> loraTargets, int adapterSize) {
    /** The four attention projections, in the order their parameters are laid out. */
    public static final List<String> PROJECTIONS = List.of("query", "key", "value", "output");
    static final List<String> ADAPTERS = List.of("adapter1", "adapter2");

    public BlockSpec {
        loraTargets = List.copyOf(loraTargets);
        if (hidden % heads != 0) {
            throw new IllegalArgumentException("hidden width " + hidden + " is not a multiple of the " + heads + " heads");
        }
        if (tuning == Tuning.LORA && (loraRank < 1 || loraTargets.isEmpty() || !PROJECTIONS.containsAll(loraTargets))) {
            throw new IllegalArgumentException("LoRA needs a rank >= 1 and targets among " + PROJECTIONS + ", got rank "
                    + loraRank + " on " + loraTargets);
        }
        if (tuning == Tuning.ADAPTER && adapterSize < 1) {
            throw new IllegalArgumentException("adapters need a bottleneck size >= 1, got " + adapterSize);
        }
    }

    public static BlockSpec of(TransformerShape shape, Tuning tuning, int loraRank, double loraAlpha, List<String> loraTargets,
                               int adapterSize) {
        return new BlockSpec(shape.hidden(), shape.heads(), shape.intermediate(), shape.epsilon(), tuning, loraRank,
                loraAlpha, loraTargets, adapterSize);
    }

    boolean hasLora(String projection) {
        return tuning == Tuning.LORA && loraTargets.contains(projection);
    }

    boolean hasAdapters() {
        return tuning == Tuning.ADAPTER;
    }

    double loraScale() {
        return loraAlpha / loraRank;
    }

    /** One parameter: its key and shape. */
    record Param(String key, long[] shape) {
    }

    /**
     * Every parameter in layout order: the pretrained ones first, then LoRA matrices or adapters. Keys
     * have no underscore: DL4J names a network's parameters {@code vertex_key} and splits at the last one.
     */
    List<Param> params() {
        List<Param> params = new ArrayList<>();
        for (String projection : PROJECTIONS) {
            params.add(new Param(projection + "W", new long[] {hidden, hidden}));
            params.add(new Param(projection + "b", new long[] {hidden}));
        }
        params.add(new Param("ln1Gain", new long[] {hidden}));
        params.add(new Param("ln1Bias", new long[] {hidden}));
        params.add(new Param("ffnInW", new long[] {hidden, intermediate}));
        params.add(new Param("ffnInb", new long[] {intermediate}));
        params.add(new Param("ffnOutW", new long[] {intermediate, hidden}));
        params.add(new Param("ffnOutb", new long[] {hidden}));
        params.add(new Param("ln2Gain", new long[] {hidden}));
        params.add(new Param("ln2Bias", new long[] {hidden}));
        for (String projection : PROJECTIONS) {
            if (hasLora(projection)) {
                params.add(new Param(projection + "LoraA", new long[] {hidden, loraRank}));
                params.add(new Param(projection + "LoraB", new long[] {loraRank, hidden}));
            }
        }
        if (hasAdapters()) {
            for (String adapter : ADAPTERS) {
                params.add(new Param(adapter + "DownW", new long[] {hidden, adapterSize}));
                params.add(new Param(adapter + "Downb", new long[] {adapterSize}));
                params.add(new Param(adapter + "UpW", new long[] {adapterSize, hidden}));
                params.add(new Param(adapter + "Upb", new long[] {hidden}));
            }
        }
        return params;
    }

    /** The parameters that hold a pretrained model's values (all but LoRA matrices and adapters). */
    static boolean isPretrained(String key) {
        return !key.contains("Lora") && !key.startsWith("adapter");
    }

    /** Whether a parameter trains under this tuning. */
    boolean trains(String key) {
        return switch (tuning) {
            case FULL -> true;
            case FROZEN -> false;
            case LORA -> !isPretrained(key);
            case ADAPTER -> !isPretrained(key) || key.startsWith("ln");
        };
    }

    /** The PyTorch name of a pretrained parameter of layer {@code layer}. */
    static String pretrainedName(int layer, String key) {
        String prefix = "encoder.layer." + layer + ".";
        String suffix = key.endsWith("W") || key.endsWith("Gain") ? "weight" : "bias";
        String module = key.replaceAll("(W|b|Gain|Bias)$", "");
        return prefix + switch (module) {
            case "query", "key", "value" -> "attention.self." + module;
            case "output" -> "attention.output.dense";
            case "ln1" -> "attention.output.LayerNorm";
            case "ffnIn" -> "intermediate.dense";
            case "ffnOut" -> "output.dense";
            case "ln2" -> "output.LayerNorm";
            default -> throw new IllegalArgumentException("'" + key + "' is not a pretrained parameter");
        } + "." + suffix;
    }

    static Set<String> keysOf(List<Param> params) {
        Set<String> keys = new java.util.LinkedHashSet<>();
        params.forEach(p -> keys.add(p.key()));
        return keys;
    }
}
