package dev.tessera.core.arch;

import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

@AnalyzeClasses(packages = "dev.tessera.core", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreArchitectureTest {
    /**
     * Packages depend on each other in one direction only: no package reaches back through another to itself.
     * {@code ticket} signs with {@code crypto}'s keys; both refuse bad bytes with {@code format.TicketFormatException},
     * which sits below them.
     */
    @ArchTest
    static final ArchRule packagesFormNoCycle = SlicesRuleDefinition.slices().matching("dev.tessera.core.(*)..")
            .should().beFreeOfCycles()
            .because("a package that reaches back to itself cannot be understood, tested or moved on its own");

    @ArchTest
    static final ArchRule coreDependsOnNothingOfOurs = noClasses().that().resideInAPackage("dev.tessera.core..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.tessera.center..", "dev.tessera.desktop..",
                    "dev.tessera.reader..", "dev.tessera.designer..", "dev.tessera.reports..", "dev.tessera.contract..")
            .because("ticket-core is the model every module shares and depends on none of them");

    @ArchTest
    static final ArchRule coreHasNoUiAndNoDatabase = noClasses().that().resideInAPackage("dev.tessera.core..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.sql..", "org.jooq..", "io.javalin..")
            .because("ticket-core has no UI and no database (docs/architecture.md)");

    @ArchTest
    static final ArchRule modelIsPlainData = noClasses().that().resideInAPackage("dev.tessera.core.model..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.tessera.core.crypto..", "com.fasterxml..")
            .because("the model records carry no format or crypto code");

    @ArchTest
    static final ArchRule noStandardStreams = GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS
            .because("libraries log through SLF4J or report typed errors");
}
