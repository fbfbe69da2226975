package dev.tessera.designer;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.GeneralCodingRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.tessera.designer");

    @Test
    void theModelAndTheJobsKnowNoControls() {
        noClasses().that().resideInAnyPackage("dev.tessera.designer.model..", "dev.tessera.designer.job..",
                        "dev.tessera.designer.numbering..", "dev.tessera.designer.validation..", "dev.tessera.designer.geometry..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "org.controlsfx..", "atlantafx..")
                .because("the document model is kept apart from the scene graph, as Scene Builder keeps FXOM apart")
                .check(CLASSES);
    }

    @Test
    void theModelDoesNotDependOnTheEditorOrTheRenderer() {
        noClasses().that().resideInAPackage("dev.tessera.designer.model..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.tessera.designer.editor..",
                        "dev.tessera.designer.render..", "dev.tessera.designer.tool..", "dev.tessera.designer.app..",
                        "dev.tessera.designer.availability..")
                .because("dependencies point from the UI to the model, never back")
                .check(CLASSES);
    }

    @Test
    void theLibraryDoesNotDependOnTheStandaloneShell() {
        noClasses().that().resideOutsideOfPackage("dev.tessera.designer.app..")
                .should().dependOnClassesThat().resideInAPackage("dev.tessera.designer.app..")
                .because("the desktop app embeds the library without the launcher")
                .allowEmptyShould(true)
                .check(CLASSES);
    }

    @Test
    void packagesFormNoCycle() {
        com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices().matching("dev.tessera.designer.(*)..")
                .should().beFreeOfCycles()
                .because("a package that reaches back to itself cannot be understood, tested or moved on its own")
                .check(CLASSES);
    }

    @Test
    void nothingWritesToStandardOutOrErr() {
        GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS
                .because("the log gets the detail, the user gets a sentence")
                .check(CLASSES);
    }
}
