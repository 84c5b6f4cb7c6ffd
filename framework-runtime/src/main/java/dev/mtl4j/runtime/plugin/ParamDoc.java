package dev.mtl4j.runtime.plugin;

/**
 * One parameter as {@code mtl describe} shows it.
 *
 * @param name the key used in YAML
 * @param type the type in words: "integer", "list of integers", "name"
 * @param defaultText the default as written in YAML, "required", or "none" when absence is meaningful
 * @param doc what the parameter does
 * @param constraint the allowed range or values ("1 to 100", ">= 0", "one of [relu, tanh]"), or "" when any
 */
public record ParamDoc(String name, String type, String defaultText, String doc, String constraint) {
}
