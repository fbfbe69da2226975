package dev.tessera.contract.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;

@AnalyzeClasses(packages = "dev.tessera.contract", importOptions = ImportOption.DoNotIncludeTests.class)
class ContractArchitectureTest {
    @ArchTest
    static final ArchRule packagesFormNoCycle = SlicesRuleDefinition.slices().matching("dev.tessera.contract.(*)..")
            .should().beFreeOfCycles()
            .because("a package that reaches back to itself cannot be understood, tested or moved on its own");

    @ArchTest
    static final ArchRule contractDependsOnlyOnTheCore = noClasses().that().resideInAPackage("dev.tessera.contract..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.tessera.center..", "dev.tessera.desktop..",
                    "dev.tessera.reader..", "dev.tessera.designer..", "dev.tessera.reports..")
            .because("the center and every client share the contract, so it depends on none of them");

    @ArchTest
    static final ArchRule contractKnowsNoServerNoDatabaseNoUi = noClasses().that().resideInAPackage("dev.tessera.contract..")
            .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "org.jooq..", "java.sql..", "javafx..",
                    "java.net.http..", "com.fasterxml.jackson.databind..")
            .because("the contract is plain records and enums (Jackson annotations only), read by any client");

    @ArchTest
    static final ArchRule contractIsRecordsAndEnums = classes().that().resideInAPackage("dev.tessera.contract..")
            .and().areTopLevelClasses()
            .should().beRecords().orShould().beEnums()
            .because("the contract says what travels, not what is done with it");

    @ArchTest
    static final ArchRule noStandardStreams = GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS
            .because("the contract prints nothing");
}
