package dev.tessera.desktop;

import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import javafx.scene.Node;


@AnalyzeClasses(packages = "dev.tessera.desktop", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    /**
     * Packages depend on each other in one direction only: no package reaches back through another to itself. The
     * shell opens the roles' workspaces, which build on {@code workspace}; the Counter tab ({@code countertab}) puts
     * the sale ({@code counter}), after-sales, shift and lost-card panels together, and after-sales builds on the
     * counter, never the other way round.
     */
    @ArchTest
    static final ArchRule packagesFormNoCycle = SlicesRuleDefinition.slices().matching("dev.tessera.desktop.(*)..")
            .should().beFreeOfCycles()
            .because("a package that reaches back to itself cannot be understood, tested or moved on its own");


    @ArchTest
    static final ArchRule viewModelsDoNotTouchControls = noClasses()
            .that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAPackage("javafx.scene..")
            .because("view models expose properties and never touch controls (MVVM as in JabRef)");

    @ArchTest
    static final ArchRule noSystemOut = GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS
            .because("the desktop logs through SLF4J");

    @ArchTest
    static final ArchRule centerClientIsPlainJava = noClasses()
            .that().resideInAPackage("dev.tessera.desktop.center..")
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("the center client is the HTTP edge; it knows nothing of the UI");

    @ArchTest
    static final ArchRule httpOnlyThroughTheCenterClient = noClasses()
            .should().dependOnClassesThat().resideInAPackage("java.net.http..")
            .because("center-client's CenterHttp is the one HTTP client of the center: its timeouts, retries, TLS "
                    + "trust and problem documents hold for every call");

    @ArchTest
    static final ArchRule onlyStartupKnowsTheCenterCode = noClasses()
            .that().resideOutsideOfPackage("dev.tessera.desktop.startup..")
            .should().dependOnClassesThat().resideInAPackage("dev.tessera.center..")
            .because("the desktop talks to every center, embedded or remote, only over its HTTP API");

    @ArchTest
    static final ArchRule backgroundWorkGoesThroughTheTaskExecutor = noClasses()
            .that().resideOutsideOfPackage("dev.tessera.desktop.ui..")
            .should().dependOnClassesThat().haveFullyQualifiedName("java.util.concurrent.Executors")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("javafx.concurrent.Task")
            .because("background work runs through the one TaskExecutor");

    @ArchTest
    static final ArchRule featuresDoNotDependOnTheShell = noClasses()
            .that().resideInAnyPackage("dev.tessera.desktop.signin..", "dev.tessera.desktop.events..",
                    "dev.tessera.desktop.center..", "dev.tessera.desktop.ui..", "dev.tessera.desktop.workspace..",
                    "dev.tessera.desktop.gate..", "dev.tessera.desktop.manager..", "dev.tessera.desktop.organizer..")
            .should().dependOnClassesThat().resideInAPackage("dev.tessera.desktop.shell..")
            .because("the shell wires the features, not the other way round; a role's workspace builds on the"
                    + " workspace package (Workspace, WorkspaceContext, WorkspaceFactory, ViewModelWorkspace)");

    @ArchTest
    static final ArchRule viewModelsAreNotViews = classes()
            .that().haveSimpleNameEndingWith("ViewModel")
            .should().notBeAssignableTo(Node.class);
}
