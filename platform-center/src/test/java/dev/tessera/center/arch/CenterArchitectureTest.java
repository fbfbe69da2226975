package dev.tessera.center.arch;

import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

@AnalyzeClasses(packages = "dev.tessera.center", importOptions = ImportOption.DoNotIncludeTests.class)
class CenterArchitectureTest {
    /**
     * Packages depend on each other in one direction only: no package reaches back through another to itself. The
     * services throw {@code problem.DomainException} and the http package maps it, and {@code Services} (outside every
     * slice) wires them all: nothing below reaches back up to the routes.
     */
    @ArchTest
    static final ArchRule packagesFormNoCycle = SlicesRuleDefinition.slices().matching("dev.tessera.center.(*)..")
            .should().beFreeOfCycles()
            .because("a package that reaches back to itself cannot be understood, tested or moved on its own");

    /**
     * The services refuse with {@code problem.DomainException}; only the http package knows status codes, problem
     * documents and routes. The composition root ({@code Services}, {@code PlatformCenter}) sits above both.
     */
    @ArchTest
    static final ArchRule servicesDoNotDependOnTheHttpLayer = noClasses()
            .that().resideInAPackage("dev.tessera.center.(*)..")
            .and().resideOutsideOfPackage("dev.tessera.center.http..")
            .should().dependOnClassesThat().resideInAPackage("dev.tessera.center.http..")
            .because("a service answers in domain terms (DomainException); the http package maps them to the wire");

    @ArchTest
    static final ArchRule noJavaFx = noClasses().should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("only seat-designer and desktop-app import JavaFX");

    @ArchTest
    static final ArchRule allSqlThroughJooq = noClasses().that().resideOutsideOfPackage("dev.tessera.center.db..")
            .should().dependOnClassesThat().haveFullyQualifiedName("java.sql.Statement")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.sql.PreparedStatement")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.sql.Connection")
            .because("all SQL goes through jOOQ (house rule)");

    @ArchTest
    static final ArchRule servicesDoNotKnowHttp = noClasses()
            .that().resideInAnyPackage("dev.tessera.center.account..", "dev.tessera.center.venue..",
                    "dev.tessera.center.event..", "dev.tessera.center.sales..", "dev.tessera.center.member..",
                    "dev.tessera.center.transfer..", "dev.tessera.center.gate..", "dev.tessera.center.saleslog..")
            .should().dependOnClassesThat().resideInAPackage("io.javalin..")
            .because("services are used in-process too; only the http and live packages speak HTTP");

    @ArchTest
    static final ArchRule noStandardStreamsOutsideMain = noClasses()
            .that().doNotHaveFullyQualifiedName("dev.tessera.center.CenterMain")
            .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
            .because("the center logs through SLF4J; only the command line prints");

}
