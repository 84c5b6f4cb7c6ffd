package dev.mtl4j.api.dsl;

/** Builders for the built-in sharing strategies. */
public final class Sharing {
    private Sharing() {
    }

    /** One shared encoder, one head per task: the classic shared bottom. */
    public static Component hard() {
        return Component.of("hard");
    }
}
