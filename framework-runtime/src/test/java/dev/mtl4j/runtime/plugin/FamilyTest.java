package dev.mtl4j.runtime.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import com.google.inject.util.Types;
import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.spec.ComponentSpec;
import dev.mtl4j.api.spi.Head;
import dev.mtl4j.api.spi.HeadFactory;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The family descriptors drive discovery, Guice's maps and resolution alike. */
final class FamilyTest {
    private final PluginRegistry registry = PluginRegistry.discover(getClass().getClassLoader());

    @Test
    void everyFamilyHasItsOwnIdAndFactoryType() {
        assertThat(Family.all()).extracting(Family::id).doesNotHaveDuplicates()
                .containsExactly("encoder", "head", "sharing", "transfer", "dataset", "sampler", "weighting");
        assertThat(Family.all()).extracting(Family::factoryType).doesNotHaveDuplicates();
    }

    @Test
    void guiceServesOneMapPerFamilyWithTheRegistrysFactories() {
        Injector injector = Guice.createInjector(new PluginModule(registry));

        for (Family<?> family : Family.all()) {
            Key<?> key = Key.get(Types.mapOf(String.class,
                    Types.newParameterizedType(family.factoryType(), Types.subtypeOf(Object.class))));
            assertThat((Map<?, ?>) injector.getInstance(key)).as(family.id())
                    .isNotEmpty().isEqualTo(registry.factories(family));
        }
        Map<String, HeadFactory<?>> heads = injector.getInstance(Key.get(new TypeLiteral<Map<String, HeadFactory<?>>>() { }));
        assertThat(heads).containsKeys("classification", "regression");
    }

    @Test
    void theResolverMakesAComponentOfTheFamilyAsked() {
        ComponentResolver resolver = new ComponentResolver(registry);

        Head head = resolver.create(Family.HEAD, ComponentSpec.of("classification").with("classes", 3), "tasks.a.head");

        assertThat(head.targetKind()).isNotNull();
        assertThatThrownBy(() -> resolver.create(Family.HEAD, ComponentSpec.of("classificaton"), "tasks.a.head"))
                .isInstanceOf(MtlException.class)
                .hasMessageStartingWith("tasks.a.head.type: unknown head type 'classificaton'; did you mean 'classification'? (known: ");
    }

    @Test
    void aFamilyNoPluginProvidesSaysAJarIsMissing() throws Exception {
        ClassLoader bare = new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader());
        ComponentResolver resolver = new ComponentResolver(PluginRegistry.discover(bare));

        assertThatThrownBy(() -> resolver.create(Family.HEAD, ComponentSpec.of("classification"), "tasks.a.head"))
                .isInstanceOf(MtlException.class)
                .hasMessage("tasks.a.head.type: unknown head type 'classification' (no plugin on the class path provides"
                        + " a head; add the jar that does (mtl4j-starter brings every built-in one))")
                .satisfies(e -> assertThat(((MtlException) e).category()).isEqualTo(ErrorCategory.CONFIG_INVALID));
    }
}
