package dev.mtl4j.runtime.config;

import java.io.StringReader;
import java.util.Optional;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Parses YAML text into a node tree and nothing more: no Java object is ever constructed from the
 * file, so a tag such as {@code !!javax.script.ScriptEngineManager} can do no harm; {@link NodeChecker}
 * then reports it. Limits keep a hostile file (alias bombs, deep nesting, huge text) cheap.
 */
final class SafeYaml {
    private SafeYaml() {
    }

    /** The document's root node, empty for an empty document or a syntax error (then reported). */
    static Optional<Node> compose(String text, Problems problems) {
        try {
            Node root = yaml().compose(new StringReader(text));
            if (root != null) {
                NodeChecker.check(root, problems);
            }
            return Optional.ofNullable(root);
        } catch (MarkedYAMLException e) {
            problems.at(e.getProblemMark(), "syntax", e.getProblem());
        } catch (ReaderException e) {
            // A character YAML does not allow: its place is an offset in the text, turned into line and column.
            problems.at(mark(text, e.getPosition()), "syntax", "character U+" + String.format("%04X", e.getCodePoint())
                    + " is not allowed in YAML");
        } catch (YAMLException e) {
            // Limits (code points, aliases, depth) come without a mark.
            problems.at((org.yaml.snakeyaml.error.Mark) null, "syntax", e.getMessage());
        }
        return Optional.empty();
    }

    /** The line and column (0-based, as SnakeYAML's marks) of a code point offset in the text. */
    private static org.yaml.snakeyaml.error.Mark mark(String text, int codePointOffset) {
        int line = 0;
        int column = 0;
        int end = text.offsetByCodePoints(0, Math.min(codePointOffset, text.codePointCount(0, text.length())));
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 0;
            } else {
                column++;
            }
        }
        return new org.yaml.snakeyaml.error.Mark("", codePointOffset, line, column, new int[0], 0);
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(50);
        options.setNestingDepthLimit(50);
        options.setCodePointLimit(10 * 1024 * 1024);
        options.setAllowRecursiveKeys(false);
        // Composing never instantiates a tag's class, so every tag may pass the composer;
        // NodeChecker then reports each one that is not a plain YAML type, all at once.
        options.setTagInspector(tag -> true);
        DumperOptions dumper = new DumperOptions();
        return new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options, new PlainResolver());
    }

    /**
     * Resolves plain scalars to str, int, float, bool and null only. The standard resolver would also
     * turn {@code 2024-01-31} into a timestamp and {@code <<} into a merge key, which the checker
     * would then refuse although the user wrote plain text.
     */
    private static final class PlainResolver extends Resolver {
        private static final java.util.regex.Pattern EXPONENT = java.util.regex.Pattern.compile("^[-+]?[0-9]+[eE][-+]?[0-9]+$");

        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, BOOL, "yYnNtTfFoO");
            addImplicitResolver(Tag.INT, INT, "-+0123456789");
            addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.");
            // YAML 1.2 reads 1e-3 as a number; 1.1 needs a dot (1.0e-3). Users write both.
            addImplicitResolver(Tag.FLOAT, EXPONENT, "-+0123456789");
            addImplicitResolver(Tag.NULL, NULL, "~nN\0");
            addImplicitResolver(Tag.NULL, EMPTY, null);
        }
    }
}
