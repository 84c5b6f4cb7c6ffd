package dev.mtl4j.api.dsl;

import dev.mtl4j.api.spec.ComponentSpec;

/** Anything the DSL accepts where a component goes: a builder, or a ready {@link ComponentSpec}. */
public interface ComponentSource {

    ComponentSpec toSpec();
}
