package dev.mtl4j.runtime.config;

import java.io.StringReader;
import java.util.Optional;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
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
        } catch (YAMLException e) {
            // Limits (code points, aliases, depth) come without a mark.
            problems.at((org.yaml.snakeyaml.error.Mark) null, "syntax", e.getMessage());
        }
        return Optional.empty();
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
        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, BOOL, "yYnNtTfFoO");
            addImplicitResolver(Tag.INT, INT, "-+0123456789");
            addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.");
            addImplicitResolver(Tag.NULL, NULL, "~nN\0");
            addImplicitResolver(Tag.NULL, EMPTY, null);
        }
    }
}
