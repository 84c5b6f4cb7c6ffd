package dev.mtl4j.runtime.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dependency rules of the design, kept true by the build. */
final class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.mtl4j");
    }

    @Test
    void theApiUsesNoGuiceYamlCliOrRuntime() {
        noClasses().that().resideInAPackage("dev.mtl4j.api..")
                .should().dependOnClassesThat().resideInAnyPackage("com.google.inject..", "jakarta.inject..",
                        "org.yaml..", "picocli..", "dev.mtl4j.runtime..", "dev.mtl4j.plugins..", "org.bytedeco..")
                .check(classes);
    }

    @Test
    void pluginsDependOnTheApiOnly() {
        noClasses().that().resideInAPackage("dev.mtl4j.plugins..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.mtl4j.runtime..", "com.google.inject..",
                        "jakarta.inject..", "org.yaml..", "picocli..")
                .check(classes);
    }

    @Test
    void theRuntimeKnowsNoPluginByName() {
        noClasses().that().resideInAPackage("dev.mtl4j.runtime..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.mtl4j.plugins..", "dev.mtl4j.examples..")
                .check(classes);
    }

    @Test
    void runtimePackagesFormNoCycles() {
        slices().matching("dev.mtl4j.runtime.(*)..").should().beFreeOfCycles().check(classes);
    }
}
