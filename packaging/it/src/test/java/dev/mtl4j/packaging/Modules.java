package dev.mtl4j.packaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** The checkout's Maven modules, read from their pom.xml files (artifactId, packaging, parent). */
final class Modules {

    /**
     * One module.
     *
     * @param artifactId its artifactId
     * @param packaging jar, pom ...
     * @param parent the parent's artifactId, if it has one
     * @param directory where its pom.xml is
     */
    record Module(String artifactId, String packaging, Optional<String> parent, Path directory) {

        Path pom() {
            return directory.resolve("pom.xml");
        }

        boolean hasSources() {
            return Files.isDirectory(directory.resolve("src/main/java"));
        }
    }

    private final Map<String, Module> byArtifactId = new LinkedHashMap<>();

    Modules(Path root) throws IOException {
        try (Stream<Path> poms = Files.walk(root, 4)) {
            for (Path pom : poms.filter(p -> p.getFileName().toString().equals("pom.xml"))
                    .filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/src/")).toList()) {
                Module module = read(pom);
                byArtifactId.put(module.artifactId(), module);
            }
        }
    }

    Module get(String artifactId) {
        Module module = byArtifactId.get(artifactId);
        if (module == null) {
            throw new IllegalArgumentException("no module of the checkout has artifactId " + artifactId);
        }
        return module;
    }

    /** The dependencyManagement entries of a pom (groupId:artifactId). */
    static List<String> managed(Path pom) {
        Element project = parse(pom);
        Element management = child(project, "dependencyManagement").orElseThrow();
        Element dependencies = child(management, "dependencies").orElseThrow();
        return children(dependencies, "dependency").stream()
                .map(d -> text(d, "groupId") + ":" + text(d, "artifactId")).toList();
    }

    /** Every module of the checkout. */
    List<Module> all() {
        return List.copyOf(byArtifactId.values());
    }

    /** A pom's direct dependencies as groupId:artifactId:scope (scope "compile" when not given). */
    static List<String> dependencies(Path pom) {
        Element project = parse(pom);
        return child(project, "dependencies").map(deps -> children(deps, "dependency").stream()
                .map(d -> text(d, "groupId") + ":" + text(d, "artifactId") + ":"
                        + child(d, "scope").map(Node::getTextContent).orElse("compile")).toList()).orElse(List.of());
    }

    private static Module read(Path pom) {
        Element project = parse(pom);
        String packaging = child(project, "packaging").map(Node::getTextContent).orElse("jar");
        Optional<String> parent = child(project, "parent").map(p -> text(p, "artifactId"));
        return new Module(text(project, "artifactId"), packaging, parent, pom.getParent());
    }

    private static Element parse(Path pom) {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + pom + ": " + e, e);
        }
    }

    private static String text(Element element, String name) {
        return child(element, name).orElseThrow(() -> new IllegalStateException("no <" + name + ">")).getTextContent().trim();
    }

    private static Optional<Element> child(Element element, String name) {
        return children(element, name).stream().findFirst();
    }

    private static List<Element> children(Element element, String name) {
        List<Element> found = new java.util.ArrayList<>();
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                found.add(e);
            }
        }
        return found;
    }
}
