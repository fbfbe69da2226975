package dev.tessera.desktop;

import static dev.tessera.desktop.support.Fx.fx;
import static dev.tessera.desktop.support.Fx.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.core.seatmap.Row;
import dev.tessera.core.seatmap.Seat;
import dev.tessera.core.seatmap.SeatMap;
import dev.tessera.contract.availability.Availability;
import dev.tessera.desktop.center.CenterApiTypes.EventInfo;
import dev.tessera.desktop.center.CenterClient;
import dev.tessera.desktop.center.CenterSession;
import dev.tessera.desktop.events.CategoryAvailability;
import dev.tessera.desktop.events.SeatAvailabilityViewModel;
import dev.tessera.designer.availability.SeatStatus;
import dev.tessera.desktop.startup.StartupSettings;
import dev.tessera.desktop.startup.StartupView;
import dev.tessera.desktop.support.AppUnderTest;
import dev.tessera.desktop.support.HoldDatabaseOpen;
import dev.tessera.desktop.support.Screenshots;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;


/** The real app wiring, headless, against an embedded center on a temporary H2 file. */
class DesktopFlowTest {
    @TempDir
    static Path dataDir;
    @RegisterExtension
    final AppUnderTest ui = new AppUnderTest();
    private final FxRobot robot = ui.robot();

    /** Starts the app and takes a screenshot of the start-up window, if it is still showing. */
    private void startApp(Path data) throws Exception {
        ui.launch(StartupSettings.embedded(data), Locale.ENGLISH);
        Stage stage = AppUnderTest.stage();
        Optional<Scene> startup = fx(() -> Window.getWindows().stream().filter(w -> w != stage)
                .map(Window::getScene).filter(s -> s != null && s.getRoot() instanceof StartupView).findFirst());
        if (startup.isPresent()) {
            Screenshots.take(startup.get(), "00-startup");
        }
    }

    @Test
    void clerkSignsInWithTheKeyboardAndWatchesTheTempestsSeatsLive() throws Exception {
        startApp(dataDir);
        ui.awaitSignIn();
        TextField loginId = robot.lookup("#loginId").queryAs(TextField.class);
        waitFor(5, "the login id field has the keyboard", loginId::isFocused);
        Screenshots.take(ui.scene(), "01-sign-in");

        robot.write("clerk").type(KeyCode.TAB).write("clerk-demo").type(KeyCode.ENTER);
        waitFor(30, "the main window", () -> ui.app().shell().main().isPresent());
        assertThat(ui.text("#signedInName")).isEqualTo("Box Office 1");
        assertThat(ui.text("#signedInRole")).isEqualTo("Box office clerk");

        // a clerk starts at the counter: its tab is shown at once, opening, and the hidden Events workspace neither
        // joins the scene nor loads an event's seats until it is first shown (issue 13: start to a ready counter)
        assertThat(fx(() -> selectedTab().getId())).isEqualTo("counterTab");
        SeatAvailabilityViewModel seats = ui.app().shell().main().orElseThrow().events().seats();
        var counter = ui.app().shell().main().orElseThrow().counterProperty();
        waitFor(30, "the counter's seat map", () -> counter.get() != null
                && counter.get().sale().seats().seatMapProperty().get() != null);
        assertThat(fx(() -> eventsTab().getContent())).isNull();
        assertThat(fx(() -> seats.seatMapProperty().get())).isNull();
        Screenshots.take(ui.scene(), "01b-counter-at-sign-in");

        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT1).release(KeyCode.CONTROL);
        waitFor(5, "the Events workspace", () -> "eventsTab".equals(selectedTab().getId())
                && eventsTab().getContent() != null);
        waitFor(5, "the keyboard in the event list", () -> robot.lookup("#eventList").query().isFocused());
        waitFor(15, "The Tempest in the event list", () -> tempestRow() != null);
        robot.clickOn(tempestRow());
        waitFor(30, "the seat map, live", () -> seats.seatMapProperty().get() != null && seats.liveProperty().get());
        assertThat(ui.text("#eventName")).isEqualTo("The Tempest");
        assertThat(ui.text("#infoServicer")).isEqualTo("Tessera Players");
        assertThat(ui.text("#infoGates")).isEqualTo("North entrance, South entrance");
        assertThat(ui.text("#connectionStatus")).isEqualTo("Online");

        try (CenterClient other = new CenterClient(ui.app().shell().connection().orElseThrow().baseUri())) {
            CenterSession clerk = other.signIn("clerk", "clerk-demo");
            EventInfo tempest = clerk.events().stream().filter(e -> e.name().equals("The Tempest")).findFirst().orElseThrow();
            assertThat(shownCounts(seats)).isEqualTo(counts(clerk.seats(tempest.id()).counts()));
            String category = fx(() -> seats.categories().getFirst().categoryId());
            int free = clerk.seats(tempest.id()).counts().stream().filter(c -> c.categoryId().equals(category))
                    .findFirst().orElseThrow().free();
            assertThat(ui.text("#counts-free-" + category)).isEqualTo(String.format(Locale.ENGLISH, "%,d", free));
            Screenshots.take(ui.scene(), "02-main-seat-map");

            List<String> block = middleOfRow(fx(() -> seats.seatMapProperty().get()), 4, 6);
            clerk.hold(tempest.id(), block);
            // how fast a change arrives is LiveAvailabilityBenchmark's figure; here only that it does
            waitFor(20, "the hold shows on the canvas model",
                    () -> block.stream().allMatch(id -> seats.status(id) == SeatStatus.HELD));
            assertThat(shownCounts(seats)).isEqualTo(counts(clerk.seats(tempest.id()).counts()));
            assertThat(ui.text("#counts-held-" + fx(() -> seats.categories().getFirst().categoryId()))).isEqualTo("6");
            Screenshots.take(ui.scene(), "03-main-after-hold");
        }

        robot.type(KeyCode.F5);
        waitFor(10, "the list still there after F5", () -> tempestRow() != null && seats.liveProperty().get());
        // and back to the counter (Ctrl+2): the keyboard follows to its event choice
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT2).release(KeyCode.CONTROL);
        waitFor(5, "the keyboard at the counter's event", () -> "counterTab".equals(selectedTab().getId())
                && robot.lookup("#counterEvent").query().isFocused());
    }

    @Test
    void japaneseSignInShowsErrorsInlineAndTheDemoTableSignsIn() throws Exception {
        startApp(dataDir);
        ui.awaitSignIn();
        robot.clickOn("#languageJapanese");
        waitFor(5, "Japanese texts", () -> robot.lookup("#signIn").queryButton().getText().equals("サインイン"));
        robot.clickOn("#loginId").write("clerk");
        robot.clickOn("#password").write("wrong").type(KeyCode.ENTER);
        waitFor(20, "the inline error", () -> robot.lookup("#signInError").queryAs(Label.class).isVisible());
        assertThat(ui.text("#signInError")).isEqualTo("ログイン ID またはパスワードが正しくありません。");
        Screenshots.take(ui.scene(), "04-sign-in-ja-error");

        Node managerRow = robot.lookup(".table-row-cell").match(n -> n instanceof TableRow<?> r && r.getItem() != null
                && r.getItem().toString().contains("loginId=manager")).query();
        robot.clickOn(managerRow).type(KeyCode.ENTER);
        waitFor(30, "the main window", () -> ui.app().shell().main().isPresent());
        assertThat(ui.text("#signedInName")).isEqualTo("Mika Manager");
        assertThat(ui.text("#signedInRole")).isEqualTo("管理者");
        // a manager starts in the manager's workspace; Events loads its seats when shown (Ctrl+1)
        waitFor(30, "the manager's workspace", () -> "managerTab".equals(selectedTab().getId()));
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT1).release(KeyCode.CONTROL);
        SeatAvailabilityViewModel seats = ui.app().shell().main().orElseThrow().events().seats();
        waitFor(30, "the first event's seat map", () -> seats.seatMapProperty().get() != null);
        Screenshots.take(ui.scene(), "05-main-ja");

        robot.clickOn("#signOut");
        waitFor(15, "back at sign-in", () -> ui.app().shell().signIn().isPresent());
    }

    @Test
    void aDatabaseInUseIsExplainedAndTryAgainStartsOnceItIsFree(@TempDir Path lockedData) throws Exception {
        Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HoldDatabaseOpen.class.getName(), lockedData.toString())
                .redirectErrorStream(true).start();
        try {
            assertThat(new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8))
                    .readLine()).isEqualTo("open");
            startApp(lockedData);
            waitFor(60, "the startup failure dialog", () -> robot.lookup("#dialogDetail").tryQuery().isPresent());
            Label detail = robot.lookup("#dialogDetail").queryAs(Label.class);
            assertThat(fx(detail::getText)).startsWith("Tessera is already open on this computer")
                    .contains(lockedData.toString()).doesNotContain("Exception");
            Screenshots.take(fx(detail::getScene), "06-startup-failure");
        } finally {
            other.getOutputStream().close();
            assertThat(other.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
        robot.clickOn("Try again");
        ui.awaitSignIn();
    }

    @Test
    void aLedgerThatCannotOpenIsExplainedInTheCounterTab(@TempDir Path data) throws Exception {
        // not an H2 file at all: the counter cannot open this terminal's ledger, and nothing of it is overwritten
        byte[] garbage = "this is not a ledger\n".repeat(400).getBytes(StandardCharsets.US_ASCII);
        java.nio.file.Files.write(data.resolve("ledger.mv.db"), garbage);
        startApp(data);
        ui.awaitSignIn();
        ui.signIn("clerk", "clerk-demo");
        waitFor(30, "the main window", () -> ui.app().shell().main().isPresent());
        assertThat(fx(() -> selectedTab().getId())).isEqualTo("counterTab");
        waitFor(30, "the failure in the counter's tab", () -> ui.app().shell().main().orElseThrow()
                .counterFailureProperty().get() != null);
        assertThat(ui.text("#counterOpening")).isEqualTo("The counter cannot open: the ledger file "
                + data.resolve("ledger.mv.db").toAbsolutePath() + " is damaged or is not a Tessera ledger. It was left as"
                + " it is: ask whoever looks after this terminal to restore it from its backup, then sign in again.");
        assertThat(fx(() -> robot.lookup("#counterOpeningPane .progress-indicator").tryQuery()
                .map(Node::isVisible).orElse(false))).isFalse();
        assertThat(java.nio.file.Files.readAllBytes(data.resolve("ledger.mv.db"))).isEqualTo(garbage);
        // the seller's My sales tab, its header grown to its full width (a new tab's header opens animated)
        waitFor(15, "the seller's My sales tab, whole", () -> workspaces().getTabs().size() == 3
                && robot.lookup(".tab-header-area .tab").queryAll().stream().allMatch(tab -> tab instanceof Region r
                        && r.getWidth() >= r.prefWidth(-1) - 0.5));
        Screenshots.take(ui.scene(), "07-counter-ledger-failed");
        // the rest of the desktop works: Events (Ctrl+1) lists the events
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT1).release(KeyCode.CONTROL);
        waitFor(15, "The Tempest in the event list", () -> tempestRow() != null);
    }

    private TabPane workspaces() {
        return robot.lookup("#workspaces").queryAs(TabPane.class);
    }

    private Tab selectedTab() {
        return workspaces().getSelectionModel().getSelectedItem();
    }

    private Tab eventsTab() {
        return workspaces().getTabs().stream().filter(t -> "eventsTab".equals(t.getId())).findFirst().orElseThrow();
    }

    private Node tempestRow() {
        return robot.lookup(".table-row-cell").match(n -> n instanceof TableRow<?> r
                && r.getItem() instanceof EventInfo e && e.name().equals("The Tempest")).tryQuery().orElse(null);
    }

    private static List<String> middleOfRow(SeatMap map, int rowIndex, int count) {
        Row row = map.sections().getFirst().rows().get(rowIndex);
        int start = row.seats().size() / 2 - count / 2;
        return row.seats().subList(start, start + count).stream().map(Seat::id).toList();
    }

    private static Map<String, List<Integer>> counts(List<Availability.CategoryCount> counts) {
        return counts.stream().collect(Collectors.toMap(Availability.CategoryCount::categoryId,
                c -> List.of(c.free(), c.held(), c.sold(), c.blocked())));
    }

    private static Map<String, List<Integer>> shownCounts(SeatAvailabilityViewModel seats) throws Exception {
        return fx(() -> seats.categories().stream().collect(Collectors.toMap(CategoryAvailability::categoryId,
                c -> List.of(c.freeProperty().get(), c.heldProperty().get(), c.soldProperty().get(),
                        c.blockedProperty().get()))));
    }
}
