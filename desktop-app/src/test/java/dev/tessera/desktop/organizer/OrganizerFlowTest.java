package dev.tessera.desktop.organizer;

import static dev.tessera.desktop.support.Fx.fx;
import static dev.tessera.desktop.support.Fx.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.contract.sales.ConfirmSale;
import dev.tessera.contract.sales.Customer;
import dev.tessera.contract.sales.Payment;
import dev.tessera.contract.sales.PaymentMethod;
import dev.tessera.core.model.CustomerAuth;
import dev.tessera.core.seatmap.Seat;
import dev.tessera.designer.availability.AvailabilityView;
import dev.tessera.designer.availability.AvailabilityViewSkin;
import dev.tessera.designer.editor.SeatDesigner;
import dev.tessera.designer.render.PlanSurface;
import dev.tessera.designer.render.PlanViewport;
import dev.tessera.desktop.TesseraApp;
import dev.tessera.desktop.center.CenterApiTypes.EventInfo;
import dev.tessera.desktop.center.CenterClient;
import dev.tessera.desktop.center.CenterSession;
import dev.tessera.core.model.SellerAuthorization;
import dev.tessera.core.model.Venue;
import dev.tessera.desktop.support.AppUnderTest;
import dev.tessera.desktop.support.Screenshots;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javafx.geometry.Point2D;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * The organizer end to end, headless: the real app on an embedded center (H2 file). Design a venue,
 * create an event with its service information, authorize the demo clerk with quotas and a lassoed
 * seat block, publish; then the center, asked over HTTP by other accounts, has exactly that. On the same app, a standing
 * pit's capacity (never below what is sold, held and set aside) and the clerk's allocation of its places (issue 18).
 */
class OrganizerFlowTest {
    @RegisterExtension
    final AppUnderTest ui = new AppUnderTest();
    private final FxRobot robot = ui.robot();

    @Test
    @SuppressWarnings("unchecked")
    void organizerDesignsAVenueCreatesAnEventAuthorizesTheClerkWithALassoedBlockPublishesAndSetsAStandingPitsCapacity(
            @TempDir Path data)
            throws Exception {
        OrganizerWorkspace organizer = signInAsOrganizer(data);
        Stage stage = AppUnderTest.stage();
        fx(() -> {
            stage.setWidth(1440);
            stage.setHeight(900);
            return null;
        });
        waitFor(20, "the venues", () -> organizer.venues().venues().stream().anyMatch(v -> v.name().equals("Tessera Theatre")));

        // the demo venue's map in the embedded designer, saved back as version 2
        ListView<Venue> venues = robot.lookup("#venueList").queryAs(ListView.class);
        robot.clickOn("#venueList").type(KeyCode.HOME).type(KeyCode.ENTER);
        SeatDesigner designer = robot.lookup("#organizerDesigner").queryAs(SeatDesigner.class);
        waitFor(20, "the theatre in the designer", () -> designer.getDocument().seatCount() == 1194);
        Screenshots.take(ui.scene(), "30-organizer-venues-designer");
        robot.press(KeyCode.ALT).type(KeyCode.V).release(KeyCode.ALT);
        waitFor(20, "version 2 saved", () -> ui.text("#venueStatus").contains("seat map version 2 saved (1,194 seats)"));

        // a new venue from the sample theatre
        robot.clickOn("#newVenueName").write("Harbour Hall");
        robot.clickOn("#newVenueAddress").write("4-5-6 Minato Mirai, Yokohama");
        robot.clickOn("#createVenue");
        waitFor(30, "the new venue", () -> ui.text("#venueStatus").equals("Harbour Hall created with seat map version 1 (1,194 seats)."));
        waitFor(10, "the new venue listed", () -> venues.getItems().stream().anyMatch(v -> v.name().equals("Harbour Hall")));
        Venue harbour = fx(() -> venues.getItems().stream().filter(v -> v.name().equals("Harbour Hall")).findFirst().orElseThrow());
        assertThat(harbour.latestSeatMapVersion()).isEqualTo(1);
        Screenshots.take(ui.scene(), "30-organizer-venues-created");

        // the event's service information (claim 71); a missing price is refused in words first
        robot.press(KeyCode.ALT).type(KeyCode.DIGIT2).release(KeyCode.ALT);
        waitFor(5, "the events tab", () -> robot.lookup("#eventName").tryQuery().map(n -> n.isVisible()).orElse(false));
        robot.clickOn("#eventName").write("Winter Gala");
        robot.clickOn("#eventServicer").write("Harbour Philharmonic");
        ComboBox<Venue> venueChoice = robot.lookup("#eventVenue").queryAs(ComboBox.class);
        fx(() -> {
            venueChoice.setValue(harbour);
            return null;
        });
        waitFor(20, "the price fields", () -> robot.lookup("#price-stalls").tryQuery().isPresent());
        robot.clickOn("#eventContact").write("tickets@harbour.example");
        robot.clickOn("#price-stalls-premium").write("12000");
        robot.clickOn("#createEvent");
        waitFor(5, "the refusal", () -> ui.text("#eventStatus").equals("Enter a price for Stalls in JPY (for example 8000 or 25.50)."));
        assertThat(robot.lookup("#eventStatus").query().getPseudoClassStates()).extracting(Object::toString).contains("failed");
        robot.clickOn("#price-stalls").write("8000");
        robot.clickOn("#price-balcony").write("5000");
        Screenshots.take(ui.scene(), "30-organizer-event-form");
        robot.clickOn("#createEvent");
        waitFor(20, "the draft", () -> ui.text("#eventStatus").startsWith("Winter Gala is created as a draft"));
        EventInfo gala = fx(() -> organizer.events().selectedProperty().get());
        assertThat(gala.status()).isEqualTo("DRAFT");

        // claims 30, 73, 74: the clerk gets quotas and a lassoed block of row C
        robot.press(KeyCode.ALT).type(KeyCode.DIGIT3).release(KeyCode.ALT);
        ComboBox<EventInfo> eventChoice = robot.lookup("#authEvent").queryAs(ComboBox.class);
        fx(() -> {
            eventChoice.setValue(gala);
            return null;
        });
        waitFor(20, "the sellers", () -> !organizer.authorizations().sellers().isEmpty()
                && organizer.authorizations().boardProperty().get() != null);
        ListView<SellerRow> sellers = robot.lookup("#sellerList").queryAs(ListView.class);
        robot.clickOn("#sellerList").type(KeyCode.HOME);
        fx(() -> {
            sellers.getSelectionModel().select(sellers.getItems().stream()
                    .filter(s -> s.seller().loginId().equals("clerk")).findFirst().orElseThrow());
            return null;
        });
        waitFor(5, "the quota fields", () -> robot.lookup("#quota-stalls").tryQuery().isPresent());
        setSpinner("#quota-stalls-premium", 20);
        setSpinner("#quota-stalls", 40);
        AvailabilityView map = robot.lookup("#authMap").queryAs(AvailabilityView.class);
        List<String> lassoed = lasso(map, "ST-E", 4, 11);
        waitFor(5, "the lassoed seats", () -> organizer.authorizations().picked().size() >= lassoed.size());
        Set<String> block = fx(() -> new TreeSet<>(organizer.authorizations().picked()));
        assertThat(block).containsExactlyInAnyOrderElementsOf(lassoed);
        Screenshots.take(ui.scene(), "30-organizer-authorize-lasso");
        robot.press(KeyCode.ALT).type(KeyCode.A).release(KeyCode.ALT);
        waitFor(20, "the authorization", () -> ui.text("#authStatus").startsWith("Demo Clerk is authorized")
                || ui.text("#authStatus").contains("is authorized"));
        waitFor(20, "the clerk's row", () -> sellers.getItems().stream().anyMatch(s -> s.authorized()));
        Screenshots.take(ui.scene(), "30-organizer-authorized");
        // issue 17: the Events tab's Sellers column names the clerk now (it stayed "—"), the event stays chosen here
        waitFor(10, "the clerk in the event's sellers", () -> organizer.events().events().stream()
                .anyMatch(e -> e.id() == gala.id() && !e.sellerNames().isEmpty()));
        assertThat(fx(() -> eventChoice.getValue().id())).isEqualTo(gala.id());
        assertThat(fx(() -> organizer.authorizations().boardProperty().get())).isNotNull();

        // three seats of the block are taken back: now only the clerk's free block seats can be picked
        robot.clickOn("#blockTakeBack");
        waitFor(5, "the take-back board", () -> organizer.authorizations().modeProperty().get()
                == AuthorizationsViewModel.BlockMode.TAKE_BACK && organizer.authorizations().picked().isEmpty());
        assertThat(ui.text("#pickedSeats")).isEqualTo("Seats picked to take back: 0");
        List<String> takenBack = lasso(map, "ST-E", 4, 6);
        waitFor(5, "the block seats picked", () -> organizer.authorizations().picked().size() >= takenBack.size());
        assertThat(fx(() -> new TreeSet<>(organizer.authorizations().picked()))).containsExactlyInAnyOrderElementsOf(takenBack);
        Screenshots.take(ui.scene(), "30-organizer-take-back");
        robot.press(KeyCode.ALT).type(KeyCode.B).release(KeyCode.ALT); // "Take _back picked seats"
        waitFor(20, "the seats taken back", () -> ui.text("#authStatus").startsWith("3 seats taken back from Box Office 1"));
        block.removeAll(takenBack);
        waitFor(20, "the clerk's smaller block", () -> sellers.getItems().stream().anyMatch(s -> s.authorized()
                && s.authorization().allocatedSeats().equals(block)));
        Screenshots.take(ui.scene(), "30-organizer-taken-back");
        robot.clickOn("#blockAdd");

        // claim 29 d: publish after the confirmation
        robot.press(KeyCode.ALT).type(KeyCode.DIGIT2).release(KeyCode.ALT);
        waitFor(5, "the events tab", () -> robot.lookup("#organizerEvents").tryQuery().map(n -> n.isVisible()).orElse(false));
        fx(() -> {
            organizer.events().selectedProperty().set(organizer.events().events().stream()
                    .filter(e -> e.id() == gala.id()).findFirst().orElseThrow());
            return null;
        });
        robot.press(KeyCode.ALT).type(KeyCode.P).release(KeyCode.ALT);
        waitFor(5, "the confirmation", () -> robot.lookup("#publishConfirmation").query().isVisible());
        Screenshots.take(ui.scene(), "30-organizer-publish-confirm");
        robot.type(KeyCode.ENTER);
        waitFor(20, "published", () -> ui.text("#eventStatus").startsWith("Winter Gala is published"));
        Screenshots.take(ui.scene(), "30-organizer-published");

        try (CenterClient other = new CenterClient(ui.app().shell().connection().orElseThrow().baseUri())) {
            CenterSession organizerAgain = other.signIn("organizer", "organizer-demo");
            EventInfo atCenter = organizerAgain.event(gala.id());
            assertThat(atCenter.status()).isEqualTo("PUBLISHED");
            assertThat(atCenter.servicer()).isEqualTo("Harbour Philharmonic");
            assertThat(atCenter.contact()).isEqualTo("tickets@harbour.example");
            assertThat(atCenter.pricesMinor()).isEqualTo(Map.of("stalls-premium", 12000L, "stalls", 8000L, "balcony", 5000L));
            assertThat(atCenter.gates()).containsExactlyInAnyOrder("north", "south");
            assertThat(atCenter.venueId()).isEqualTo(harbour.id());
            assertThat(organizerAgain.venues()).filteredOn(v -> v.name().equals("Tessera Theatre"))
                    .extracting(Venue::latestSeatMapVersion).containsExactly(2);
            List<SellerAuthorization> authorizations = organizerAgain.authorizations(gala.id());
            assertThat(authorizations).hasSize(1);
            assertThat(authorizations.getFirst().quotas()).isEqualTo(Map.of("stalls-premium", 20, "stalls", 40, "balcony", 0));
            assertThat(authorizations.getFirst().allocatedSeats()).containsExactlyInAnyOrderElementsOf(block);

            CenterSession clerk = other.signIn("clerk", "clerk-demo");
            assertThat(clerk.events()).extracting(EventInfo::id).contains(gala.id());
            SellerAuthorization mine = CenterSession.readAuthorization(clerk.myAuthorizationJson(gala.id()));
            assertThat(mine.allocatedSeats()).containsExactlyInAnyOrderElementsOf(block);
            assertThat(clerk.seats(gala.id()).allocatedToYou()).containsExactlyInAnyOrderElementsOf(block);
        }

        // the same screens in Japanese
        robot.clickOn("#languageJapanese");
        waitFor(5, "Japanese texts", () -> ui.text("#eventStatus").startsWith("Winter Galaを公開しました"));
        Screenshots.take(ui.scene(), "30-organizer-events-ja");
        robot.press(KeyCode.ALT).type(KeyCode.DIGIT3).release(KeyCode.ALT);
        Screenshots.take(ui.scene(), "30-organizer-authorizations-ja");
        robot.clickOn("#languageEnglish");

        standingAreaCapacityAndAllocation(organizer);
    }

    /**
     * Issue 18, on the same app (no start of its own): on the Sellers tab the organizer lowers a standing pit's capacity
     * below what is sold and set aside (refused in red, in words, nothing changes at the center), then to what is left,
     * and sets aside places of it for the clerk's offline counter; the keyboard does it (Tab to Set, Space), and the
     * texts are Japanese too.
     */
    @SuppressWarnings("unchecked")
    private void standingAreaCapacityAndAllocation(OrganizerWorkspace organizer) throws Exception {
        var services = ui.embeddedCenter().services();
        long eventId = dev.tessera.desktop.gate.GateFixtures.tonightsStanding(services, 50, 4);
        String pit = dev.tessera.desktop.gate.GateFixtures.PIT;
        try (CenterClient other = new CenterClient(ui.app().shell().connection().orElseThrow().baseUri())) {
            CenterSession clerk = other.signIn("clerk", "clerk-demo");
            var hold = clerk.hold(eventId, List.of(), Map.of(pit, 3));
            clerk.confirmSale(new ConfirmSale(hold.id(),
                    new Customer(CustomerAuth.WALK_IN, null, null, null),
                    new Payment(PaymentMethod.CASH, null, 100_000L), List.of()));
            CenterSession organizerAgain = other.signIn("organizer", "organizer-demo");

            fx(() -> {
                organizer.events().load();
                return null;
            });
            waitFor(20, "the standing event", () -> organizer.events().events().stream().anyMatch(e -> e.id() == eventId));
            robot.press(KeyCode.ALT).type(KeyCode.DIGIT3).release(KeyCode.ALT);
            ComboBox<EventInfo> eventChoice = robot.lookup("#authEvent").queryAs(ComboBox.class);
            fx(() -> {
                eventChoice.setValue(organizer.events().events().stream().filter(e -> e.id() == eventId).findFirst()
                        .orElseThrow());
                return null;
            });
            waitFor(20, "the sellers", () -> !organizer.authorizations().sellers().isEmpty()
                    && !organizer.authorizations().areas().isEmpty());
            ListView<SellerRow> sellers = robot.lookup("#sellerList").queryAs(ListView.class);
            fx(() -> {
                sellers.getSelectionModel().select(sellers.getItems().stream()
                        .filter(s -> s.seller().loginId().equals("clerk")).findFirst().orElseThrow());
                return null;
            });
            waitFor(10, "the pit's row", () -> robot.lookup("#allocation-PIT").tryQuery().isPresent()
                    && ui.text("#areaCounts-PIT").equals("3 sold · 0 held · 4 set aside for sellers · 43 of 50 left"));

            setSpinner("#capacity-PIT", 5);
            robot.type(KeyCode.TAB).type(KeyCode.SPACE);
            waitFor(10, "the refusal", () -> ui.text("#authStatus").equals("The capacity of Standing pit cannot go "
                    + "below 7: 3 places are sold, 0 held and 4 set aside for sellers."));
            assertThat(robot.lookup("#authStatus").query().getPseudoClassStates()).extracting(Object::toString)
                    .contains("failed");
            assertThat(organizerAgain.areas(eventId).getFirst().capacity()).as("nothing changed").isEqualTo(50);
            Screenshots.take(ui.scene(), "31-organizer-standing-refused");

            setSpinner("#capacity-PIT", 40);
            robot.type(KeyCode.TAB).type(KeyCode.SPACE);
            waitFor(10, "the new capacity", () -> ui.text("#authStatus")
                    .equals("Standing pit now holds 40 places; 33 are left to sell."));
            assertThat(organizerAgain.areas(eventId).getFirst().capacity()).isEqualTo(40);
            waitFor(10, "the counts read again", () -> ui.text("#areaCounts-PIT")
                    .equals("3 sold · 0 held · 4 set aside for sellers · 33 of 40 left"));

            setSpinner("#allocation-PIT", 10);
            robot.press(KeyCode.ALT).type(KeyCode.A).release(KeyCode.ALT);
            waitFor(20, "the allocation", () -> ui.text("#authStatus").endsWith("is authorized: the quotas are set, and "
                    + "0 seats and 10 standing places are allocated to this seller."));
            assertThat(organizerAgain.authorizations(eventId).stream().filter(a -> a.sellerId() == clerk.account()
                    .accountId()).findFirst().orElseThrow().allocatedAreas()).isEqualTo(Map.of(pit, 10));
            waitFor(10, "the counts read again", () -> ui.text("#areaCounts-PIT")
                    .equals("3 sold · 0 held · 10 set aside for sellers · 27 of 40 left"));
            assertThat(clerk.areas(eventId).getFirst().remaining()).isEqualTo(27);
            Screenshots.take(ui.scene(), "31-organizer-standing-allocated");

            robot.clickOn("#languageJapanese");
            waitFor(5, "Japanese texts", () -> ui.text("#areaCounts-PIT")
                    .equals("販売済み 3・確保中 0・販売者に確保 10・残り 27 / 40"));
            Screenshots.take(ui.scene(), "31-organizer-standing-ja");
            robot.clickOn("#languageEnglish");
        }
    }

    private OrganizerWorkspace signInAsOrganizer(Path data) throws Exception {
        TesseraApp app = ui.start(data);
        ui.signIn("organizer", "organizer-demo");
        waitFor(30, "the organizer workspace", () -> app.shell().main().flatMap(m -> m.workspace(OrganizerWorkspace.class))
                .isPresent() && robot.lookup("#venueList").tryQuery().map(n -> n.isVisible()).orElse(false));
        return fx(() -> app.shell().main().orElseThrow().workspace(OrganizerWorkspace.class).orElseThrow());
    }

    @SuppressWarnings("unchecked")
    private void setSpinner(String selector, int value) throws Exception {
        Spinner<Integer> spinner = robot.lookup(selector).queryAs(Spinner.class);
        waitFor(5, selector + " shown", () -> spinner.getEditor().getScene() != null && spinner.getEditor().isVisible());
        int length = fx(() -> spinner.getEditor().getText().length());
        robot.clickOn(spinner.getEditor()).type(KeyCode.END).eraseText(length).write(String.valueOf(value)).type(KeyCode.ENTER);
        try {
            waitFor(5, selector + " = " + value, () -> spinner.getValue() == value);
        } catch (AssertionError e) {
            Screenshots.take(ui.scene(), "30-organizer-debug-spinner");
            throw new AssertionError(e.getMessage() + "; the editor shows \"" + fx(() -> spinner.getEditor().getText())
                    + "\", focus on " + fx(() -> ui.scene().getFocusOwner()), e);
        }
    }

    /** Draws a lasso along one row around its seats {@code from} to {@code to} (inclusive), as a person drags it. */
    private List<String> lasso(AvailabilityView map, String rowId, int from, int to) throws Exception {
        List<String> ids = fx(() -> map.getBoard().map().sections().stream().flatMap(s -> s.rows().stream())
                .filter(r -> r.id().equals(rowId)).findFirst().orElseThrow().seats().subList(from, to + 1).stream()
                .map(Seat::id).toList());
        List<Point2D> points = new java.util.ArrayList<>();
        for (String id : ids) {
            points.add(fx(() -> screen(map, id)));
        }
        double pad = 0.45 * points.get(0).distance(points.get(1));
        Point2D left = points.getFirst().subtract(pad, 0);
        Point2D right = points.getLast().add(pad, 0);
        robot.moveTo(left.subtract(0, pad)).press(MouseButton.PRIMARY);
        for (Point2D p : points) {
            robot.moveTo(p.subtract(0, pad));
        }
        robot.moveTo(right.subtract(0, pad)).moveTo(right.add(0, pad));
        for (Point2D p : points.reversed()) {
            robot.moveTo(p.add(0, pad));
        }
        robot.moveTo(left.add(0, pad)).moveTo(left.subtract(0, pad - 1));
        robot.release(MouseButton.PRIMARY);
        return ids;
    }

    private static Point2D screen(AvailabilityView map, String seatId) {
        Seat seat = map.getBoard().map().seat(seatId).orElseThrow();
        PlanSurface surface = ((AvailabilityViewSkin) map.getSkin()).surface();
        PlanViewport v = surface.viewport();
        return surface.localToScreen(v.toScreenX(seat.x()), v.toScreenY(seat.y()));
    }
}
