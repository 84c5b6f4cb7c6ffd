package dev.mtl4j.runtime.model;

import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;

/** Plain maps, lists, strings and numbers to YAML and back; the safe constructor builds nothing else. */
final class PlainYaml {
    private PlainYaml() {
    }

    static String dump(Map<String, Object> value) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setWidth(Integer.MAX_VALUE);
        return new Yaml(new SafeConstructor(new LoaderOptions()), new Representer(options), options).dump(value);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> load(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(256 * 1024 * 1024);
        Object value = new Yaml(new SafeConstructor(options)).load(text);
        if (!(value instanceof Map)) {
            throw new IllegalArgumentException("expected a YAML map");
        }
        return (Map<String, Object>) value;
    }
}
