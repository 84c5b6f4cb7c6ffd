package dev.mtl4j.runtime.plugin;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.Problem;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.spec.ComponentSpec;
import dev.mtl4j.api.spi.ComponentFactory;
import dev.mtl4j.api.spi.TextEncoder;

/**
 * The encoder of a saved model, when it reads text: loading a model needs it to restore the text
 * featurisation (vocabulary, idf, language-model id) saved with the model.
 */
public final class TextEncoders {

    private TextEncoders() {
    }

    /** The configured encoder if it is a text encoder, else null. */
    public static TextEncoder of(ComponentCatalog catalog, ComponentSpec encoder) {
        ComponentFactory<?> factory = catalog.find(Family.ENCODER, encoder.type()).orElse(null);
        if (factory == null) {
            return null;
        }
        Binding<?> binding = ParamBinder.bind(factory, encoder.params());
        if (!binding.problems().isEmpty()) {
            throw new MtlException(ErrorCategory.MODEL_INVALID, Problem.keyed("encoder." + binding.problems().get(0).key(),
                    binding.problems().get(0).message()));
        }
        return Family.ENCODER.create(factory, binding.config()) instanceof TextEncoder text ? text : null;
    }
}
