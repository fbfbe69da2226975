package dev.tessera.reader.arch;

import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

@AnalyzeClasses(packages = "dev.tessera.reader", importOptions = ImportOption.DoNotIncludeTests.class)
class ReaderArchitectureTest {
    /** Packages depend on each other in one direction only: no package reaches back through another to itself. */
    @ArchTest
    static final ArchRule packagesFormNoCycle = SlicesRuleDefinition.slices().matching("dev.tessera.reader.(*)..")
            .should().beFreeOfCycles()
            .because("a package that reaches back to itself cannot be understood, tested or moved on its own");

    @ArchTest
    static final ArchRule appletUsesOnlyTheJavaCardApi = classes().that().resideInAPackage("dev.tessera.reader.applet..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("dev.tessera.reader.applet..", "javacard..",
                    "javacardx..", "java.lang..")
            .because("the wallet applet must also run on a real Java Card, which has nothing else");

    @ArchTest
    static final ArchRule hostCodeDoesNotReachIntoTheApplet = noClasses()
            .that().resideOutsideOfPackages("dev.tessera.reader.applet..", "dev.tessera.reader.sim..")
            .should().dependOnClassesThat().resideInAPackage("dev.tessera.reader.applet..")
            .because("host code talks to the card through APDUs only; only the simulator installs the applet");

    @ArchTest
    static final ArchRule httpOnlyThroughTheCenterClient = noClasses()
            .should().dependOnClassesThat().resideInAPackage("java.net.http..")
            .because("center-client's CenterHttp is the one HTTP client of the center: its timeouts, retries, TLS "
                    + "trust and problem documents hold for every call");

    @ArchTest
    static final ArchRule noJavaFx = noClasses().should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("only seat-designer and desktop-app import JavaFX");

    @ArchTest
    static final ArchRule noStandardStreamsOutsideTheCommandLine = noClasses()
            .that().resideOutsideOfPackage("dev.tessera.reader.delivery..")
            .and().doNotHaveFullyQualifiedName("dev.tessera.reader.sim.StdoutOfThisThread")
            .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
            .because("drivers log through SLF4J; only the wallet writer command prints"
                    + " (and StdoutOfThisThread, which keeps jCardSim's prints off the console)");
}
