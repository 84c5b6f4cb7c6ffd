package dev.mtl4j.plugins.text.transformer;

/** Which parameters of a pretrained transformer layer train. */
public enum Tuning {
    /** Every parameter trains (fine-tuning). */
    FULL,
    /** The pretrained weights stay as they are; low-rank updates of the attention projections train (LoRA). */
    LORA,
    /** The pretrained weights stay as they are; bottleneck adapters and the layer norms train (Houlsby adapters). */
    ADAPTER,
    /** Nothing trains. */
    FROZEN
}
