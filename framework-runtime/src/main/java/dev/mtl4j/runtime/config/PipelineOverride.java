package dev.mtl4j.runtime.config;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.Location;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.Problem;

/**
 * One {@code --set KEY=VALUE} of the command line: a pipeline key written with dots
 * ({@code training.epochs}, {@code tasks.INCOME.weight}, {@code encoder.hidden}) and its value written
 * as in YAML ({@code 5}, {@code [64, 32]}, {@code { type: soft }}). It replaces the key's value in
 * the file, or adds the key, before the file is read: so it is typed and checked like the file, and
 * its problems are placed at the file and the argument
 * ({@code p.yaml (--set training.epochs=ten): training.epochs: expected an integer, got 'ten'}).
 *
 * @param key the dotted key
 * @param value the YAML text of the value
 */
public record PipelineOverride(String key, String value) {

    public PipelineOverride {
        if (key == null || key.isBlank() || key.startsWith(".") || key.endsWith(".") || key.contains("..")) {
            throw new IllegalArgumentException("a key written with dots, e.g. training.epochs, got '" + key + "'");
        }
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a value after '=' for key '" + key + "'");
        }
    }

    /**
     * Reads {@code KEY=VALUE}.
     *
     * @param file the pipeline file it applies to, for the location of a problem
     * @throws MtlException CONFIG_INVALID naming the file and the argument
     */
    public static PipelineOverride parse(String argument, String file) {
        int equals = argument.indexOf('=');
        try {
            if (equals < 0) {
                throw new IllegalArgumentException("KEY=VALUE, e.g. training.epochs=5");
            }
            return new PipelineOverride(argument.substring(0, equals).strip(), argument.substring(equals + 1).strip());
        } catch (IllegalArgumentException e) {
            throw new MtlException(ErrorCategory.CONFIG_INVALID, Problem.at(Location.file(file + " (--set " + argument + ")"),
                    "expected " + e.getMessage()));
        }
    }

    /** The argument as the user wrote it. */
    public String argument() {
        return "--set " + key + "=" + value;
    }

    /** Where its problems are placed: the file, then the argument in parentheses. */
    String place(String file) {
        return file + " (" + argument() + ")";
    }

    /** Whether a problem at {@code dottedKey} is this override's: the key itself or a key inside its value. */
    boolean covers(String dottedKey) {
        return dottedKey.equals(key) || dottedKey.startsWith(key + ".");
    }
}
