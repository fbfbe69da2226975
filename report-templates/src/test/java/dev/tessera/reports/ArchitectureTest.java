package dev.tessera.reports;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.tessera.reports", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
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
