package dev.tessera.reports;

import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.tessera.reports", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    /** Packages depend on each other in one direction only: no package reaches back through another to itself. */
    @ArchTest
    static final ArchRule packagesFormNoCycle = SlicesRuleDefinition.slices().matching("dev.tessera.reports.(*)..")
            .should().beFreeOfCycles()
            .because("a package that reaches back to itself cannot be understood, tested or moved on its own");

    @ArchTest
    static final ArchRule noJavaFx = noClasses().should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("report-templates is a library for any UI; the JavaFX preview lives in desktop-app");

    @ArchTest
    static final ArchRule noDesktop = noClasses().should().dependOnClassesThat().resideInAPackage("dev.tessera.desktop..")
            .because("nothing depends on desktop-app");

    @ArchTest
    static final ArchRule noCenterHttp = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("dev.tessera.center.http..", "io.javalin..")
            .because("reports read the center's data, never its HTTP layer");

    @ArchTest
    static final ArchRule noSystemOut = noClasses().that().resideOutsideOfPackage("dev.tessera.reports.build..")
            .should().accessField(System.class, "out")
            .because("libraries log, they do not print");
}
