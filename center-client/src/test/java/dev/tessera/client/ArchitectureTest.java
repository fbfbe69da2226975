package dev.tessera.client;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;

@AnalyzeClasses(packages = "dev.tessera.client", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    /**
     * Packages depend on each other in one direction only: no package reaches back through another to itself. The
     * client is one package today, so the rule checks the sub-packages it may grow.
     */
    @ArchTest
    static final ArchRule packagesFormNoCycle = SlicesRuleDefinition.slices().matching("dev.tessera.client.(*)..")
            .should().beFreeOfCycles().allowEmptyShould(true)
            .because("a package that reaches back to itself cannot be understood, tested or moved on its own");

    @ArchTest
    static final ArchRule onlyTheContract = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("dev.tessera.center..", "dev.tessera.desktop..", "dev.tessera.reader..",
                    "io.javalin..", "org.jooq..", "javafx..")
            .because("the client knows the center only by its contract and its HTTP API, and knows no caller");

    @ArchTest
    static final ArchRule noSystemOut = GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS
            .because("libraries log, they do not print");
}
