package dev.mtl4j.testkit;

import dev.mtl4j.api.spi.Plugin;
import dev.mtl4j.plugins.heads.HeadsPlugin;

/** The built-in heads plugin keeps the contract every plugin keeps. */
final class HeadsContractTest extends PluginContract {

    @Override
    protected Plugin plugin() {
        return new HeadsPlugin();
    }

    /** The ordinal head needs its classes' order: the stand-in rows' "class" is b, c, a as x0 grows. */
    @Override
    protected java.util.Map<String, Object> params(String type) {
        return type.equals("ordinal") ? java.util.Map.of("classes", java.util.List.of("b", "c", "a")) : super.params(type);
    }
}
