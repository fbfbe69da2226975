package dev.tessera.desktop.counter;

import static dev.tessera.desktop.support.Fx.fx;
import static dev.tessera.desktop.support.Fx.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.center.CenterConfig;
import dev.tessera.center.PlatformCenter;
import dev.tessera.core.model.LedgerEntry;
import dev.tessera.core.seatmap.Row;
import dev.tessera.core.seatmap.SeatMap;
import dev.tessera.designer.availability.AvailabilityView;
import dev.tessera.desktop.aftersales.AfterSalesViewModel;
import dev.tessera.desktop.center.CenterApiTypes.EventInfo;
import dev.tessera.desktop.center.CenterClient;
import dev.tessera.desktop.center.CenterSession;
import dev.tessera.contract.terminal.JournalEntry;
import dev.tessera.contract.saleslog.SalesLog;
import dev.tessera.desktop.counter.VirtualChips.VirtualChip;
import dev.tessera.designer.availability.SeatStatus;
import dev.tessera.desktop.countertab.CounterWorkspace;
import dev.tessera.desktop.ledger.LedgerStore;
import dev.tessera.desktop.support.GateTaps;
import dev.tessera.desktop.support.ConfirmDialog;
import dev.tessera.desktop.support.AppUnderTest;
import dev.tessera.desktop.support.ChipLook;
import dev.tessera.desktop.support.Screenshots;
import dev.tessera.reader.wallet.StoredTicket;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import dev.tessera.center.sales.TicketFactory;
import dev.tessera.desktop.gate.GateStation;
import dev.tessera.desktop.gate.GateViewModel;
import dev.tessera.desktop.gate.GateWorkspace;
import dev.tessera.desktop.manager.ManagerViewModel;
import dev.tessera.desktop.manager.ManagerWorkspace;
import dev.tessera.desktop.manager.ExportFormat;
import dev.tessera.desktop.manager.ReportKind;
import dev.tessera.desktop.support.Pdfs;
import dev.tessera.reader.gate.Verdict;
import javafx.scene.control.ComboBox;

/** The counter end to end, headless: the real app, an embedded center on an H2 file, simulated chips. */
class CounterFlowTest {
    @RegisterExtension
    final AppUnderTest ui = new AppUnderTest();
    private final FxRobot robot = ui.robot();

    @Test
    @SuppressWarnings("unchecked")
    void clerkSellsThreeSeatsToAMemberWritesTheChipAndTransfersOneToASecondChip(@TempDir Path data) throws Exception {
        CounterWorkspace counter = signInAtTheCounter(data);
        SaleViewModel sale = counter.sale();
        VirtualChips tray = ui.app().shell().chipTray().orElseThrow();
        EventInfo tempest = fx(() -> sale.eventProperty().get());
        waitFor(30, "the counter's seat map", () -> sale.seats().seatMapProperty().get() != null);

        // claim 31: two blank chips become membership cards of two new members
        robot.clickOn(tabNamed("Virtual chips"));
        String aliceChip = issueCard(tray, 0, "Alice Aoki", "alice-" + suffix(), "alice-password");
        String aliceLogin = lastLogin;
        String bobChip = issueCard(tray, 1, "Bob Baba", "bob-" + suffix(), "bob-password");
        String bobLogin = lastLogin;
        Screenshots.take(ui.scene(), "10-counter-virtual-chips");

        // three seats together, held at the center with a countdown (claims 32, 62)
        robot.clickOn(tabNamed("Sale"));
        putOnReader(tray, 0);
        Spinner<?> count = robot.lookup("#bestCount").queryAs(Spinner.class);
        fx(() -> {
            ((Spinner<Integer>) count).getValueFactory().setValue(3);
            return null;
        });
        robot.clickOn("#saleSeats").press(KeyCode.CONTROL).type(KeyCode.B).release(KeyCode.CONTROL);
        waitFor(15, "the hold", () -> sale.phaseProperty().get() == SalePhase.HELD);
        List<String> held = fx(() -> sale.holdProperty().get().seatIds());
        assertThat(held).hasSize(3);
        assertThat(consecutive(fx(() -> sale.seats().seatMapProperty().get()), held)).isTrue();
        waitFor(5, "the countdown", () -> ui.text("#holdCountdown").startsWith("Held for"));

        // the member taps the card; cash with change; confirm; the tickets go onto the chip
        robot.press(KeyCode.CONTROL).type(KeyCode.K).release(KeyCode.CONTROL);
        waitFor(10, "the member card read", () -> aliceChip.equals(sale.customer().customerChipIdProperty().get()));
        robot.clickOn("#tendered").write("100000");
        Screenshots.take(ui.scene(), "11-counter-held");
        // the held seats read back by section and row before the money is taken
        assertThat(ui.text("#saleSeatRows")).matches("Stalls · row A · seat \\d+, \\d+, \\d+");
        robot.press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);
        waitFor(30, "the sale written to the chip", () -> sale.phaseProperty().get() == SalePhase.DONE);
        assertThat(ui.text("#saleStatus")).startsWith("Tickets on card").endsWith(": 3. Sale complete.");
        assertThat(ui.text("#receiptTotal")).startsWith("Tickets: 3");
        assertThat(ui.text("#saleNumber")).isEqualTo("Sale #" + fx(() -> sale.lastSale().orElseThrow().saleId()));
        Screenshots.take(ui.scene(), "12-counter-sold");
        List<String> ticketIds = fx(() -> sale.receipt().lines().stream().map(ReceiptLine::ticketId).toList());

        // issue 17: After-sales finds the sale again when the member taps the card, and by a ticket's id typed after Ctrl+F
        long saleId = fx(() -> sale.lastSale().orElseThrow().saleId());
        AfterSalesViewModel after = counter.afterSales();
        robot.clickOn(tabNamed("After-sales"));
        putOnReader(tray, 0);
        robot.clickOn("#afterSalesTapChip");
        waitFor(15, "the sale found by tapping the card", () -> after.search().tickets().size() == 3
                && after.search().tickets().stream().allMatch(r -> r.saleId() == saleId));
        assertThat(ui.text("#afterSalesStatus")).startsWith("Sales found: 1, tickets: 3");
        assertThat(fx(() -> after.search().queryProperty().get())).isEqualTo(aliceChip);
        Screenshots.take(ui.scene(), "12a-aftersales-found-by-card");
        robot.press(KeyCode.CONTROL).type(KeyCode.F).release(KeyCode.CONTROL);
        waitFor(5, "the search focused", () -> robot.lookup("#afterSalesQuery").query().isFocused());
        // a number no sale has empties the list, so the next answer is seen arriving
        robot.write("#99999999").type(KeyCode.ENTER);
        waitFor(15, "no sale under an unknown number", () -> after.search().tickets().isEmpty());
        robot.press(KeyCode.CONTROL).type(KeyCode.F).release(KeyCode.CONTROL);
        robot.write(ticketIds.get(1)).type(KeyCode.ENTER);
        waitFor(15, "the sale found by a ticket's id", () -> !after.search().tickets().isEmpty()
                && after.search().tickets().stream().allMatch(r -> r.saleId() == saleId)
                && after.search().tickets().stream().anyMatch(r -> r.ticketId().equals(ticketIds.get(1))));
        assertThat(ui.text("#afterSalesStatus")).startsWith("Sales found: 1");

        try (CenterClient other = new CenterClient(ui.app().shell().connection().orElseThrow().baseUri())) {
            CenterSession clerk = other.signIn("clerk", "clerk-demo");
            SalesLog log = clerk.salesLog(tempest.id());
            assertThat(log.lines()).extracting(SalesLog.Line::ticketId).containsAll(ticketIds);
            assertThat(log.lines().stream().filter(l -> ticketIds.contains(l.ticketId())).map(SalesLog.Line::seatId))
                    .containsExactlyInAnyOrderElementsOf(held);
            assertThat(clerk.seats(tempest.id()).seats().get("SOLD")).containsAll(held);
            waitFor(10, "the seats sold on the live map", () -> held.stream()
                    .allMatch(id -> sale.seats().status(id) == SeatStatus.SOLD));
            assertThat(ChipLook.ids(onChip(tray, 0, ui))).containsExactlyInAnyOrderElementsOf(ChipLook.onCard(aliceChip, ticketIds));

            // transfer one ticket to Bob's chip at the counter (flow 5)
            robot.clickOn(tabNamed("Transfer"));
            // the ticket is picked from Alice's card, read at the reader (no ticket id typed)
            putOnReader(tray, 0);
            robot.clickOn("#readAssignorCard");
            waitFor(15, "Alice's tickets read", () -> counter.transfer().cardTickets().size() == 3);
            String moved = ticketIds.getFirst();
            ListView<?> onAlice = robot.lookup("#assignorTickets").queryAs(ListView.class);
            int index = fx(() -> counter.transfer().cardTickets().stream().map(t -> t.ticketId()).toList().indexOf(moved));
            fx(() -> {
                onAlice.getSelectionModel().select(index);
                return null;
            });
            assertThat(fx(() -> counter.transfer().ticketIdProperty().get())).isEqualTo(moved);
            assertThat(ui.text("#transferStatus")).startsWith("3 ticket(s) on card");
            Screenshots.take(ui.scene(), "13-counter-transfer-card-read");
            // each person types their own secret on their own turn, and each field is empty once it was sent
            TransferViewModel transfer = counter.transfer();
            assertThat(ui.text("#transferTurn")).isEqualTo("Step 1 of 3: the current holder picks the ticket and signs in");
            assertThat(visible("#transferPassword") || visible("#assigneePassword")).as("only Alice's turn shows").isFalse();
            robot.clickOn("#assignorLogin").write(aliceLogin).type(KeyCode.ENTER);
            robot.write("alice-password").type(KeyCode.ENTER);
            waitFor(30, "Alice signed in", () -> fx(() -> transfer.turnProperty().get()) == TransferTurn.ASSIGNOR_OFFER);
            assertThat(secret("#assignorPassword")).as("Alice's password left the screen").isEmpty();
            assertThat(visible("#assignorPassword") || visible("#assigneePassword")).isFalse();
            assertThat(ui.text("#transferTurn")).isEqualTo("Step 2 of 3: the current holder sets a transfer password");
            waitFor(5, "the transfer password has the keys", () -> fx(() -> robot.lookup("#transferPassword").query().isFocused()));
            putOnReader(tray, 1);
            Screenshots.take(ui.scene(), "13a-counter-transfer-password-turn");
            robot.write("swordfish-42").type(KeyCode.ENTER);
            waitFor(30, "offered to Bob's card", () -> fx(() -> transfer.turnProperty().get()) == TransferTurn.ASSIGNEE_ACCEPT);
            assertThat(secret("#transferPassword")).as("the transfer password left the screen").isEmpty();
            assertThat(visible("#transferPassword") || visible("#assignorPassword")).isFalse();
            assertThat(ui.text("#transferTurn")).isEqualTo("Step 3 of 3: the new holder signs in and accepts");
            waitFor(5, "Bob's login has the keys", () -> fx(() -> robot.lookup("#assigneeLogin").query().isFocused()));
            robot.write(bobLogin).type(KeyCode.ENTER);
            robot.write("bob-password").type(KeyCode.ENTER);
            robot.write("swordfish-42");
            Screenshots.take(ui.scene(), "13b-counter-transfer-assignee-turn");
            robot.clickOn("#languageJapanese");
            waitFor(5, "Japanese texts", () -> ui.text("#transferTurn").equals("手順 3/3: 新しい所有者がサインインして受け取り"));
            Screenshots.take(ui.scene(), "13b-counter-transfer-assignee-turn-ja");
            robot.clickOn("#languageEnglish");
            waitFor(5, "English texts", () -> ui.text("#transferTurn").startsWith("Step 3 of 3"));
            robot.clickOn("#assigneeTransferPassword").type(KeyCode.ENTER);
            waitFor(30, "the new version on Bob's chip", () -> transfer.movedProperty().get() != null);
            assertThat(secret("#assignorPassword") + secret("#transferPassword") + secret("#assigneePassword")
                    + secret("#assigneeTransferPassword")).as("no password stays on the counter's screen").isEmpty();
            assertThat(fx(() -> transfer.turnProperty().get())).isEqualTo(TransferTurn.OLD_COPY);
            Screenshots.take(ui.scene(), "13-counter-transfer");
            putOnReader(tray, 0);
            robot.clickOn("#deleteOldCopy");
            waitFor(30, "the old copy deleted", () -> ui.text("#transferStatus").contains("Transfer complete"));

            List<StoredTicket> alice = onChip(tray, 0, ui);
            List<StoredTicket> bob = onChip(tray, 1, ui);
            assertThat(ChipLook.ids(alice)).containsExactlyInAnyOrderElementsOf(ChipLook.onCard(aliceChip, ticketIds.subList(1, 3)));
            assertThat(ChipLook.ids(bob)).containsExactlyElementsOf(ChipLook.onCard(bobChip, List.of(moved)));
            assertThat(ChipLook.ids(alice)).as("the moved ticket's ids on the two chips share nothing")
                    .doesNotContainAnyElementsOf(ChipLook.onCard(aliceChip, List.of(moved)))
                    .doesNotContainAnyElementsOf(ChipLook.ids(bob));
            assertThat(bob.getFirst().version()).isEqualTo(2);
            assertThat(clerk.chipTickets(bobChip).tickets()).extracting(t -> t.ticketId()).containsExactly(moved);
            assertThat(clerk.chipTickets(aliceChip).tickets()).hasSize(2);

            // void the last ticket with a reason: the seat is for sale again, the ledger and the center know why
            robot.clickOn(tabNamed("Sale"));
            ListView<?> receipt = robot.lookup("#receipt").queryAs(ListView.class);
            fx(() -> {
                receipt.getSelectionModel().select(2);
                return null;
            });
            String voidedSeat = held.get(held.size() - 1);
            String voidedTicket = fx(() -> sale.receipt().lines().get(2).ticketId());
            String voidedSeatId = fx(() -> sale.receipt().lines().get(2).seatId());
            robot.clickOn("#voidReason").write("Customer cannot attend").type(KeyCode.ENTER);
            assertThat(ConfirmDialog.answer(robot, KeyCode.ENTER)).contains("Refund ¥").contains("This cannot be undone");
            try {
                waitFor(15, "the void", () -> ui.text("#saleStatus").contains("the ticket is void"));
            } finally {
                Screenshots.take(ui.scene(), "18-counter-void");
            }
            assertThat(sale.receipt().lines()).extracting(ReceiptLine::ticketId).doesNotContain(voidedTicket);
            assertThat(clerk.seats(tempest.id()).seats().get("FREE")).contains(voidedSeatId);
            assertThat(voidedSeat).isNotNull();

            // the ledger: hold, sale intent, sale, issue, transfer, void, all chained and all at the center
            LedgerStore ledger = ui.app().shell().ledgerStore().orElseThrow();
            String terminal = counter.journal().terminalId();
            List<String> types = counter.journal().entries().stream().map(e -> Journal.read(e).path("type").asText()).toList();
            assertThat(types).containsSubsequence("HOLD", "SALE_STARTED", "SALE", "ISSUE", "TRANSFER",
                    "TRANSFER_OLD_COPY_DELETED", "VOID");
            assertThat(counter.journal().entries().stream().map(Journal::read)
                    .filter(p -> p.path("type").asText().equals("VOID")).findFirst().orElseThrow()
                    .path("reason").asText()).isEqualTo("Customer cannot attend");
            assertThat(ledger.chainIsIntact(terminal)).isTrue();
            waitFor(20, "every entry at the center", () -> ledger.pendingCount(terminal) == 0);
            List<LedgerEntry> journal = ledger.journal(terminal);
            assertThat(clerk.terminal(terminal).lastSequence()).isEqualTo(journal.getLast().sequence());
            waitFor(10, "the status bar says so", () -> ui.text("#journalStatus").startsWith("Journal synced"));

            // issue 15: after issuing two cards, a sale, a transfer and a void, no file of this terminal's data folder
            // (its journal database, settings, logs; the embedded center's sealed database beside them) holds a
            // chip's static key or an event gate key, in bytes, hex or Base64
            assertNoChipKeyIn(data, List.of(aliceChip, bobChip), tempest.id());
        }
        Screenshots.take(ui.scene(), "14-counter-after-transfer");
        robot.clickOn(tabNamed("Sale"));
        robot.clickOn("#languageJapanese");
        waitFor(5, "Japanese texts", () -> ui.text("#saleStatus").contains("取り消しました"));
        Screenshots.take(ui.scene(), "17-counter-ja");
    }

    @Test
    void offlineTheCounterSellsOnlyInsideTheAllocationAndEverySaleArrivesOnceWhenTheCenterIsBack(@TempDir Path data)
            throws Exception {
        CounterWorkspace counter = signInAtTheCounter(data);
        SaleViewModel sale = counter.sale();
        EventInfo tempest = fx(() -> sale.eventProperty().get());
        waitFor(30, "the seat map and the allocation", () -> sale.seats().seatMapProperty().get() != null
                && sale.authorizationProperty().get() != null);
        String terminal = counter.journal().terminalId();
        LedgerStore ledger = ui.app().shell().ledgerStore().orElseThrow();
        waitFor(20, "the terminal key certified", () -> ledger.identityOfTerminal(terminal).orElseThrow().certified());
        List<String> allocated = fx(() -> sale.authorizationProperty().get().allocatedSeats().stream().sorted().toList());
        SeatMap map = fx(() -> sale.seats().seatMapProperty().get());
        String outside = map.sections().getFirst().rows().getFirst().seats().getFirst().id();
        assertThat(allocated).doesNotContain(outside).hasSizeGreaterThan(3);

        // the center goes away mid-shift
        PlatformCenter center = ui.app().shell().connection().orElseThrow().embeddedCenter().orElseThrow();
        int port = center.port();
        center.close();
        waitFor(30, "the offline banner", () -> robot.lookup("#offlineBanner").query().isVisible());

        List<String> offlineSeats = allocated.subList(1, 3);
        for (String seat : offlineSeats) {
            clickSeat(seat);
        }
        waitFor(5, "two seats picked", () -> sale.picked().size() == 2);
        robot.press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);
        Screenshots.take(ui.scene(), "15-counter-offline-confirming");
        waitFor(15, "the offline sale (status: " + ui.text("#saleStatus") + ")", () -> sale.phaseProperty().get() == SalePhase.DONE);
        assertThat(ui.text("#saleStatus")).startsWith("Sold offline. Paper tickets signed by this terminal: 2.");
        Screenshots.take(ui.scene(), "15-counter-offline-sold");
        assertThat(ledger.pendingCount(terminal)).isPositive();

        // outside the allocation: refused with a sentence, nothing journaled
        // the paper tickets print in the background (a PDF here); the next sale starts when they are out
        waitFor(60, "the paper tickets printed", () -> !sale.busyProperty().get());
        int entries = ledger.journal(terminal).size();
        // the next sale (Esc at the counter; called directly: the suite's earlier windows may hold the keyboard)
        fx(() -> {
            sale.newSale();
            return null;
        });
        waitFor(5, "a new sale", () -> sale.phaseProperty().get() == SalePhase.PICKING);
        clickSeat(outside);
        waitFor(5, "the outside seat picked", () -> sale.picked().contains(outside));
        robot.press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);
        waitFor(10, "the refusal", () -> ui.text("#saleStatus").contains("is not in your allocation"));
        assertThat(ledger.journal(terminal)).hasSize(entries);
        Screenshots.take(ui.scene(), "16-counter-offline-refused");

        // the center comes back on the same address: the journal arrives, every offline sale exactly once
        try (PlatformCenter back = PlatformCenter.start(CenterConfig.of(CenterConfig.h2FileUrl(data.resolve("center")),
                "tessera", "", port))) {
            waitFor(40, "the journal delivered", () -> ledger.pendingCount(terminal) == 0);
            waitFor(10, "the banner gone", () -> !robot.lookup("#offlineBanner").query().isVisible());
            try (CenterClient other = new CenterClient(back.baseUri())) {
                CenterSession clerk = other.signIn("clerk", "clerk-demo");
                SalesLog log = clerk.salesLog(tempest.id());
                assertThat(log.lines().stream().map(SalesLog.Line::seatId).filter(offlineSeats::contains))
                        .containsExactlyInAnyOrderElementsOf(offlineSeats);
                assertThat(log.lines().stream().map(SalesLog.Line::seatId)).doesNotContain(outside);
                assertThat(clerk.seats(tempest.id()).seats().get("SOLD")).containsAll(offlineSeats);
                LedgerEntry offlineSale = ledger.journal(terminal).stream()
                        .filter(e -> Journal.read(e).path("type").asText().equals(OfflineSeller.TYPE)).findFirst().orElseThrow();
                assertThat(ledger.outcome(terminal, offlineSale.sequence()).orElseThrow().outcome()).isEqualTo("APPLIED");

                // pushing the whole journal again changes nothing
                clerk.pushJournal(terminal, ledger.journal(terminal).stream().map(e -> new JournalEntry(e.sequence(),
                        e.kind(), e.at(), e.payload(), HexFormat.of().formatHex(e.previousHash()),
                        HexFormat.of().formatHex(e.hash()))).toList());
                assertThat(clerk.salesLog(tempest.id()).lines().stream().map(SalesLog.Line::seatId)
                        .filter(offlineSeats::contains)).hasSize(2);
            }
        }
    }

    @Test
    void theCounterMapFillsItsCanvasWithSeatsAClerkCanHitAndAClickSixPixelsOffPicksTheSeat(@TempDir Path data)
            throws Exception {
        CounterWorkspace counter = signInAtTheCounter(data);
        SaleViewModel sale = counter.sale();
        waitFor(30, "the counter's seat map", () -> sale.seats().seatMapProperty().get() != null);
        AvailabilityView view = ui.app().shell().mainView().orElseThrow().counter().orElseThrow().seatMap();
        SeatMap map = fx(() -> sale.seats().seatMapProperty().get());
        assertThat(map.seatCount()).isGreaterThanOrEqualTo(1_000);
        // the counter's default window size (an earlier test of the suite may have left the window larger)
        fx(() -> {
            view.getScene().getWindow().setWidth(dev.tessera.desktop.shell.Shell.WIDTH);
            view.getScene().getWindow().setHeight(dev.tessera.desktop.shell.Shell.HEIGHT);
            return null;
        });
        waitFor(5, "the default window size", () -> view.getScene().getWidth() <= dev.tessera.desktop.shell.Shell.WIDTH
                && view.getScene().getHeight() <= dev.tessera.desktop.shell.Shell.HEIGHT);
        String seat = fx(() -> {
            List<String> free = sale.seats().seatsByStatus().get(SeatStatus.FREE).stream()
                    .filter(id -> id.startsWith("ST-K-")).sorted().toList();
            return free.get(free.size() / 2);
        });
        waitFor(10, "the map shown", () -> view.getBoard() != null && view.getBoard().map() == map
                && view.seatCentre(seat).isPresent());

        Screenshots.take(ui.scene(), "19-counter-seat-map");
        // the map fills its canvas: the seats span its width or height but for the small fit margin
        double[] span = fx(() -> {
            double minX = Double.MAX_VALUE;
            double maxX = -Double.MAX_VALUE;
            double minY = Double.MAX_VALUE;
            double maxY = -Double.MAX_VALUE;
            for (var s : map.seats()) {
                javafx.geometry.Point2D p = view.seatCentre(s.id()).orElseThrow();
                minX = Math.min(minX, p.getX());
                maxX = Math.max(maxX, p.getX());
                minY = Math.min(minY, p.getY());
                maxY = Math.max(maxY, p.getY());
            }
            return new double[] {(maxX - minX) / view.getWidth(), (maxY - minY) / view.getHeight()};
        });
        assertThat(Math.max(span[0], span[1])).isGreaterThan(0.8);
        // seat discs a clerk can see and hit at the default window size, for this 1,194-seat hall
        assertThat(fx(view::seatDiameterPixels)).isGreaterThanOrEqualTo(8);
        assertThat(fx(view::hitTolerance)).isGreaterThanOrEqualTo(AvailabilityView.MIN_HIT_PIXELS);

        javafx.geometry.Point2D centre = fx(() -> view.localToScreen(view.seatCentre(seat).orElseThrow()));
        robot.clickOn(new javafx.geometry.Point2D(centre.getX(), centre.getY() + 6));
        waitFor(5, "the seat picked by a click 6 px below its centre", () -> sale.picked().contains(seat));
        waitFor(5, "the picked seat ringed on the map", () -> view.getMarkedSeatIds().contains(seat));
        Screenshots.take(ui.scene(), "19-counter-seat-picked");
        robot.clickOn(new javafx.geometry.Point2D(centre.getX() + 4, centre.getY() - 5));
        waitFor(5, "the seat dropped by a click 6 px up and left", () -> sale.picked().isEmpty());
        // issue 17: hovering a seat names it with its category and price on the map's corner
        var tempest = fx(() -> sale.eventProperty().get());
        String categoryId = map.seat(seat).orElseThrow().categoryId();
        String category = fx(() -> sale.categories()).stream().filter(c -> c.id().equals(categoryId)).findFirst()
                .orElseThrow().name();
        String expected = map.sectionOf(seat).orElseThrow().name() + " · row " + map.rowOf(seat).orElseThrow().label()
                + " · seat " + map.seat(seat).orElseThrow().label() + " · " + category + " · "
                + dev.tessera.desktop.ui.Formats.money(tempest.pricesMinor().get(categoryId), tempest.currency(),
                        java.util.Locale.ENGLISH);
        robot.moveTo(new javafx.geometry.Point2D(centre.getX() + 1, centre.getY() + 1));
        waitFor(5, "the hovered seat in words", () -> robot.lookup("#seatHover").query().isVisible()
                && ui.text("#seatHover").equals(expected));
        Screenshots.take(ui.scene(), "19-counter-seat-hover");
    }

    private void clickSeat(String seatId) throws Exception {
        var view = ui.app().shell().mainView().orElseThrow().counter().orElseThrow().seatMap();
        javafx.geometry.Point2D at = fx(() -> view.localToScreen(view.seatCentre(seatId).orElseThrow()));
        robot.clickOn(at);
    }

    // ---- helpers ----

    private String lastLogin;

    /**
     * Issue 18: two seats and three standing places in one sale to a member's chip, from the list of standing areas
     * beside the map; the gate admits a seat and a standing ticket from the chip, and the occupancy report shows the
     * area's count.
     */
    @Test
    @SuppressWarnings("unchecked")
    void clerkSellsSeatsAndStandingPlacesInOneSaleToAMemberChipAndTheOccupancyReportCountsTheArea(@TempDir Path data)
            throws Exception {
        ui.start(data);
        ui.signIn("clerk", "clerk-demo");
        PlatformCenter embedded = ui.app().shell().connection().orElseThrow().embeddedCenter().orElseThrow();
        long eventId = dev.tessera.desktop.gate.GateFixtures.tonightsStanding(embedded.services(), 50);
        CounterWorkspace counter = ui.openCounter();
        SaleViewModel sale = counter.sale();
        // the counter may have read the events before this one was registered
        fx(() -> {
            sale.load();
            return null;
        });
        VirtualChips tray = ui.app().shell().chipTray().orElseThrow();
        waitFor(30, "the events", () -> sale.events().stream().anyMatch(e -> e.id() == eventId));
        fx(() -> {
            sale.eventProperty().set(sale.events().stream().filter(e -> e.id() == eventId).findFirst().orElseThrow());
            return null;
        });
        waitFor(30, "the map with its standing area", () -> sale.seats().seatMapProperty().get() != null
                && sale.remaining(dev.tessera.desktop.gate.GateFixtures.PIT) != null);
        assertThat(ui.text("#standingLeft-PIT")).isEqualTo("50 places left");

        robot.clickOn(tabNamed("Virtual chips"));
        String chip = issueCard(tray, 0, "Chika Chiba", "chika-" + suffix(), "chika-password");
        robot.clickOn(tabNamed("Sale"));
        putOnReader(tray, 0);
        SeatMap map = fx(() -> sale.seats().seatMapProperty().get());
        // two seats side by side that enter by the pit's entrance, so one gate admits the whole basket; the first on
        // the map sorts after the second ("…-9", "…-10"), as the center issues a hold's tickets
        var centerEvent = embedded.services().events().event(eventId);
        String pitGate = TicketFactory.gateFor(centerEvent, map, map.areas().getFirst());
        List<String> two = map.sections().stream().flatMap(s -> s.rows().stream())
                .map(r -> r.seats().stream().filter(seat -> seat.flags().isEmpty()
                        && TicketFactory.gateFor(centerEvent, map, seat).equals(pitGate)).map(seat -> seat.id()).toList())
                .flatMap(ids -> java.util.stream.IntStream.range(0, Math.max(0, ids.size() - 1))
                        .mapToObj(i -> ids.subList(i, i + 2)))
                .filter(pair -> pair.get(0).compareTo(pair.get(1)) > 0).findFirst().orElseThrow();
        fx(() -> {
            two.forEach(sale::toggleSeat);
            return null;
        });
        Spinner<Integer> places = robot.lookup("#standingQuantity-PIT").queryAs(Spinner.class);
        // a click in the pit on the map puts a place in the basket, as a click on a seat does
        var mapView = ui.app().shell().mainView().orElseThrow().counter().orElseThrow().seatMap();
        javafx.geometry.Point2D pitOnScreen = fx(() -> mapView.localToScreen(mapView.areaCentre("PIT").orElseThrow()));
        robot.clickOn(pitOnScreen, javafx.scene.input.MouseButton.PRIMARY);
        waitFor(5, "a place from the click", () -> fx(() -> places.getValue()) == 1);
        assertThat(fx(() -> mapView.getAreaLevels().get("PIT").caption())).isEqualTo("50 of 50 left");
        fx(() -> {
            places.getValueFactory().setValue(3);
            return null;
        });
        robot.clickOn("#holdPicked");
        waitFor(15, "the mixed hold", () -> sale.phaseProperty().get() == SalePhase.HELD);
        assertThat(fx(() -> sale.holdProperty().get().areas())).containsEntry("PIT", 3);
        assertThat(fx(() -> sale.holdProperty().get().seatIds())).containsExactlyInAnyOrderElementsOf(two);
        waitFor(10, "the live count", () -> ui.text("#standingLeft-PIT").equals("47 places left"));
        assertThat(ui.text("#saleSeatRows")).startsWith("Standing pit · 3 standing");
        assertThat(ui.text("#saleSeats")).as("seated and standing tickets counted apart")
                .startsWith("Tickets: 5 (2 seated, 3 standing) · ");

        robot.press(KeyCode.CONTROL).type(KeyCode.K).release(KeyCode.CONTROL);
        waitFor(10, "the member card read", () -> chip.equals(sale.customer().customerChipIdProperty().get()));
        // claim 70: the two seats' attendees named; the standing places carry the member's name
        robot.clickOn("#attendeeNames").write("Chika Chiba, Daichi Doi");
        robot.clickOn("#tendered").write("100000");
        Screenshots.take(ui.scene(), "15-counter-standing-held");
        robot.press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);
        waitFor(30, "the sale written to the chip", () -> sale.phaseProperty().get() == SalePhase.DONE);
        assertThat(ui.text("#saleStatus")).startsWith("Tickets on card").endsWith(": 5. Sale complete.");
        Screenshots.take(ui.scene(), "16-counter-standing-sold");
        assertThat(onChip(tray, 0, ui)).hasSize(5);

        var tickets = fx(() -> sale.lastSale().orElseThrow().tickets());
        var standing = tickets.stream().filter(t -> t.generalAdmission()).toList();
        var seated = tickets.stream().filter(t -> !t.generalAdmission()).toList();
        assertThat(standing).hasSize(3);
        assertThat(seated).extracting(t -> t.seatId() + "=" + t.attendee()).as("each name on the seat it was typed for")
                .containsExactlyInAnyOrder(two.get(0) + "=Chika Chiba", two.get(1) + "=Daichi Doi");
        assertThat(fx(() -> sale.customer().attendeeNamesProperty().get())).as("the names stay until the next sale")
                .isEqualTo("Chika Chiba, Daichi Doi");
        assertThat(tickets).extracting(t -> t.gateId()).as("one entrance for the basket").containsOnly(pitGate);

        // the gate at the pit's entrance, on the same terminal: the pit is full inside for now
        robot.clickOn("#signOut");
        ui.awaitSignIn();
        ui.signIn("gate", "gate-demo");
        waitFor(60, "the gate workspace", () -> ui.app().shell().main().flatMap(m -> m.workspace(GateWorkspace.class))
                .isPresent());
        GateViewModel gate = ui.app().shell().main().orElseThrow().workspace(GateWorkspace.class).orElseThrow()
                .viewModel();
        GateTaps.chooseEvent(gate, eventId);
        fx(() -> {
            gate.gateProperty().set(pitGate);
            return null;
        });
        robot.clickOn("#gateStartShift");
        waitFor(30, "the shift", () -> gate.stationProperty().get() != null);
        waitFor(10, "the pit's line", () -> ui.text("#gateArea-PIT").equals("Standing pit: 0 admitted here, capacity 50"));
        robot.clickOn("#gateAreaToggle-PIT");
        waitFor(10, "the pit marked full", () -> ui.text("#gateArea-PIT")
                .equals("Standing pit: FULL at the door \u00b7 0 admitted here, capacity 50"));

        // Chika taps: her two seats enter one after the other, then her standing places wait in red
        for (int i = 0; i < 2; i++) {
            GateStation.Answer seatIn = tapAtGate(gate);
            assertThat(seatIn.scan().verdict()).as(seatIn.scan().detail()).isEqualTo(Verdict.ADMITTED);
            assertThat(ui.text("#gateSeat")).startsWith("Section ");
        }
        GateStation.Answer held = tapAtGate(gate);
        assertThat(held.scan().verdict()).as(held.scan().detail()).isEqualTo(Verdict.AREA_FULL);
        assertThat(ui.text("#gateHeadline")).isEqualTo("NOT ADMITTED");
        assertThat(ui.text("#gateReason")).startsWith("Area full: this standing area is full inside.");
        // the answer's colour comes with the next CSS pass after its words
        waitFor(10, "a red answer", () -> answerColour().equals(javafx.scene.paint.Color.web("#cf222e")));
        Screenshots.take(ui.scene(), "18-gate-standing-area-full");

        // the door opens again: a standing place enters, counted for the pit
        robot.clickOn("#gateAreaToggle-PIT");
        waitFor(10, "the pit open", () -> ui.text("#gateArea-PIT").equals("Standing pit: 0 admitted here, capacity 50"));
        GateStation.Answer standingIn = tapAtGate(gate);
        assertThat(standingIn.scan().verdict()).as(standingIn.scan().detail()).isEqualTo(Verdict.ADMITTED);
        assertThat(ui.text("#gateSeat")).isEqualTo("Standing \u00b7 Standing pit \u00b7 Standing");
        waitFor(10, "a green answer", () -> answerColour().equals(javafx.scene.paint.Color.web("#1a7f37")));
        waitFor(10, "the pit's count", () -> ui.text("#gateArea-PIT").equals("Standing pit: 1 admitted here, capacity 50"));
        Screenshots.take(ui.scene(), "19-gate-standing-admitted");

        var dsl = embedded.services().db().dsl();
        var event = new dev.tessera.reports.data.EventCatalog(dsl).event(eventId);
        waitFor(30, "the three admissions reported to the center", () -> dev.tessera.reports.occupancy
                .EventOccupancyReport.rows(dsl, event).stream().mapToInt(r -> r.usedAtGate()).sum() == 3);
        var pit = dev.tessera.reports.occupancy.EventOccupancyReport.rows(dsl, event).getLast();
        assertThat(pit.section()).isEqualTo("Standing pit");
        assertThat(pit.seats()).isEqualTo(50);
        assertThat(pit.sold()).isEqualTo(3);
        assertThat(pit.usedAtGate()).isEqualTo(1);

        // the manager's occupancy report, as printed: the pit's line beside the seated sections
        robot.clickOn("#signOut");
        ui.awaitSignIn();
        ui.signIn("manager", "manager-demo");
        waitFor(60, "the manager workspace", () -> ui.app().shell().main()
                .flatMap(m -> m.workspace(ManagerWorkspace.class)).isPresent());
        ManagerViewModel manager = ui.app().shell().main().orElseThrow().workspace(ManagerWorkspace.class).orElseThrow()
                .viewModel();
        waitFor(90, "the events", () -> manager.events().stream().anyMatch(e -> e.id() == eventId));
        robot.clickOn("#reportOccupancy");
        ComboBox<?> reportEvent = robot.lookup("#reportEvent").queryAs(ComboBox.class);
        int index = fx(() -> manager.events().stream().map(EventInfo::id).toList().indexOf(eventId)) + 1;
        fx(() -> {
            reportEvent.getSelectionModel().select(index);
            return null;
        });
        robot.clickOn("#generateReport");
        waitFor(60, "the occupancy preview", () -> !manager.busyProperty().get() && manager.reportProperty().get() != null
                && manager.reportProperty().get().kind() == ReportKind.OCCUPANCY && manager.pageProperty().get() != null);
        assertThat(fx(() -> manager.failedProperty().get())).as(ui.text("#reportStatus")).isFalse();
        Screenshots.take(ui.scene(), "20-occupancy-standing");
        Path pdf = data.resolve("occupancy.pdf");
        fx(() -> {
            manager.export(ExportFormat.PDF, pdf);
            return null;
        });
        waitFor(60, "the PDF written", () -> !manager.busyProperty().get()
                && manager.statusProperty().get().key().equals("manager.status.exported"));
        String printed = Pdfs.text(pdf);
        assertThat(printed).as(printed).contains("Event occupancy").containsPattern("Standing pit\\s+Standing\\s+50\\s+3\\b");
    }

    private GateStation.Answer tapAtGate(GateViewModel gate) throws Exception {
        return GateTaps.tapFirstChip(robot, gate);
    }

    /** The gate answer's background: green or red. */
    private javafx.scene.paint.Paint answerColour() throws Exception {
        javafx.scene.layout.Region answer = robot.lookup("#gateAnswer").queryAs(javafx.scene.layout.Region.class);
        return fx(() -> answer.getBackground().getFills().getFirst().getFill());
    }

    /** Issue 18: offline, the counter sells standing places out of its allocation of the area and nothing more. */
    @Test
    @SuppressWarnings("unchecked")
    void offlineTheCounterSellsItsStandingAllocationAndNothingMoreAndTheSalesArriveOnce(@TempDir Path data)
            throws Exception {
        ui.start(data);
        ui.signIn("clerk", "clerk-demo");
        PlatformCenter embedded = ui.app().shell().connection().orElseThrow().embeddedCenter().orElseThrow();
        long eventId = dev.tessera.desktop.gate.GateFixtures.tonightsStanding(embedded.services(), 50, 4);
        CounterWorkspace counter = ui.openCounter();
        SaleViewModel sale = counter.sale();
        // the counter may have read the events before this one was registered
        fx(() -> {
            sale.load();
            return null;
        });
        waitFor(30, "the events", () -> sale.events().stream().anyMatch(e -> e.id() == eventId));
        fx(() -> {
            sale.eventProperty().set(sale.events().stream().filter(e -> e.id() == eventId).findFirst().orElseThrow());
            return null;
        });
        waitFor(30, "the map and the standing allocation", () -> sale.seats().seatMapProperty().get() != null
                && sale.authorizationProperty().get() != null && sale.authorizationProperty().get().eventId() == eventId
                && sale.authorizationProperty().get().allocatedAreas().getOrDefault("PIT", 0) == 4);
        String terminal = counter.journal().terminalId();
        LedgerStore ledger = ui.app().shell().ledgerStore().orElseThrow();
        waitFor(20, "the terminal key certified", () -> ledger.identityOfTerminal(terminal).orElseThrow().certified());
        int port = embedded.port();
        embedded.close();
        waitFor(30, "the offline banner", () -> robot.lookup("#offlineBanner").query().isVisible());

        Spinner<Integer> places = robot.lookup("#standingQuantity-PIT").queryAs(Spinner.class);
        fx(() -> {
            places.getValueFactory().setValue(3);
            sale.confirm();
            return null;
        });
        waitFor(15, "the offline sale (status: " + ui.text("#saleStatus") + ")", () -> sale.phaseProperty().get() == SalePhase.DONE);
        assertThat(ui.text("#saleStatus")).startsWith("Sold offline. Paper tickets signed by this terminal: 3.");
        waitFor(60, "the paper tickets printed", () -> !sale.busyProperty().get());
        // the receipt names the area and a standing place, not a seat ("Standing pit · row  · seat " before); its
        // list makes its cells at the next layout pass
        java.util.concurrent.atomic.AtomicReference<List<String>> shown = new java.util.concurrent.atomic.AtomicReference<>(List.of());
        waitFor(10, "the receipt's three lines", () -> {
            shown.set(fx(() -> robot.lookup("#receipt .list-cell")
                    .queryAllAs(javafx.scene.control.ListCell.class).stream().map(javafx.scene.control.Labeled::getText)
                    .filter(t -> t != null && !t.isEmpty()).toList()));
            return shown.get().size() >= 3;
        });
        List<String> receiptLines = shown.get();
        assertThat(receiptLines).hasSize(3).allSatisfy(line -> assertThat(line)
                .isEqualTo("Standing pit · standing place   Standing   ¥4,000"));
        assertThat(ui.text("#receiptTotal")).isEqualTo("Tickets: 3 · total ¥12,000");
        Screenshots.take(ui.scene(), "17-counter-offline-standing-receipt");
        int entries = ledger.journal(terminal).size();
        fx(() -> {
            sale.newSale();
            places.getValueFactory().setValue(2);
            sale.confirm();
            return null;
        });
        waitFor(10, "the refusal", () -> ui.text("#saleStatus").contains("has 1 places left"));
        assertThat(ledger.journal(terminal)).as("nothing journaled").hasSize(entries);
        Screenshots.take(ui.scene(), "17-counter-offline-standing-refused");
        fx(() -> {
            places.getValueFactory().setValue(1);
            sale.confirm();
            return null;
        });
        waitFor(15, "the last place sold offline", () -> sale.phaseProperty().get() == SalePhase.DONE);
        waitFor(60, "the paper ticket printed", () -> !sale.busyProperty().get());

        try (PlatformCenter back = PlatformCenter.start(CenterConfig.of(CenterConfig.h2FileUrl(data.resolve("center")),
                "tessera", "", port))) {
            waitFor(40, "the journal delivered", () -> ledger.pendingCount(terminal) == 0);
            try (CenterClient other = new CenterClient(back.baseUri())) {
                CenterSession clerk = other.signIn("clerk", "clerk-demo");
                var pit = clerk.areas(eventId).getFirst();
                assertThat(pit.sold()).isEqualTo(4);
                assertThat(pit.allocated()).isZero();
                assertThat(clerk.salesLog(eventId).lines().stream().map(SalesLog.Line::seatId)
                        .filter("PIT"::equals)).hasSize(4);
            }
        }
    }

    /**
     * Issue 15: a member card proves itself at the counter. A copy that answers SELECT with the member's chip id (but
     * holds a key pair of its own) and a card the center never registered are refused in words, the held seat stays
     * held and unsold; the member's own card then buys.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aCopiedOrUnregisteredMemberCardIsRefusedInWordsAndSellsNothing(@TempDir Path data) throws Exception {
        CounterWorkspace counter = signInAtTheCounter(data);
        SaleViewModel sale = counter.sale();
        VirtualChips tray = ui.app().shell().chipTray().orElseThrow();
        EventInfo tempest = fx(() -> sale.eventProperty().get());
        waitFor(30, "the counter's seat map", () -> sale.seats().seatMapProperty().get() != null);
        robot.clickOn(tabNamed("Virtual chips"));
        String carolChip = issueCard(tray, 0, "Carol Chiba", "carol-" + suffix(), "carol-password");
        java.security.SecureRandom random = new java.security.SecureRandom();
        VirtualChip copy = tray.addBlank("Copy of Carol's card");
        personalize(tray, copy, HexFormat.of().parseHex(carolChip), random);
        VirtualChip stranger = tray.addBlank("A card from elsewhere");
        personalize(tray, stranger, random.generateSeed(8), random);

        robot.clickOn(tabNamed("Sale"));
        Spinner<?> count = robot.lookup("#bestCount").queryAs(Spinner.class);
        fx(() -> {
            ((Spinner<Integer>) count).getValueFactory().setValue(1);
            return null;
        });
        robot.clickOn("#saleSeats").press(KeyCode.CONTROL).type(KeyCode.B).release(KeyCode.CONTROL);
        waitFor(15, "the hold", () -> sale.phaseProperty().get() == SalePhase.HELD);
        String seat = fx(() -> sale.holdProperty().get().seatIds().getFirst());

        // the copy: it names Carol's chip and signs the center's challenge, with a key the center never registered
        tray.put(copy);
        robot.press(KeyCode.CONTROL).type(KeyCode.K).release(KeyCode.CONTROL);
        waitFor(10, "the copy read", () -> carolChip.equals(sale.customer().customerChipIdProperty().get()));
        robot.press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);
        waitFor(15, "the copy refused", () -> ui.text("#saleStatus").contains("The card did not prove it is the member's card"));
        Screenshots.take(ui.scene(), "19-counter-copied-card-refused");
        assertThat(ui.text("#saleStatus")).contains("does not match");
        assertThat(fx(() -> sale.phaseProperty().get())).as("the seat stays held").isEqualTo(SalePhase.HELD);

        // a card the center never registered is not a membership card
        tray.put(stranger);
        robot.press(KeyCode.CONTROL).type(KeyCode.K).release(KeyCode.CONTROL);
        waitFor(10, "the stranger refused", () -> ui.text("#saleStatus").equals("This card is not a membership card."));

        try (CenterClient other = new CenterClient(ui.app().shell().connection().orElseThrow().baseUri())) {
            CenterSession clerk = other.signIn("clerk", "clerk-demo");
            assertThat(clerk.seats(tempest.id()).seats().getOrDefault("SOLD", List.of())).as("nothing sold to the copy")
                    .doesNotContain(seat);
            assertThat(clerk.seats(tempest.id()).seats().get("HELD")).as("the seat stays held").contains(seat);

            // Carol's own card buys
            putOnReader(tray, 0);
            robot.press(KeyCode.CONTROL).type(KeyCode.K).release(KeyCode.CONTROL);
            waitFor(10, "Carol's card read", () -> ui.text("#saleStatus").startsWith("Member card read"));
            robot.press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);
            waitFor(30, "the sale written to Carol's card", () -> sale.phaseProperty().get() == SalePhase.DONE);
            long saleId = fx(() -> sale.lastSale().orElseThrow().saleId());
            assertThat(clerk.seats(tempest.id()).seats().get("SOLD")).contains(seat);
            assertThat(clerk.chipTickets(carolChip).tickets()).hasSize(1);
            assertThat(saleId).isPositive();
        }
    }

    private String secret(String query) throws Exception {
        return fx(() -> robot.lookup(query).queryAs(javafx.scene.control.PasswordField.class).getText());
    }

    /** Shown: the node and every parent of it visible. */
    private boolean visible(String query) throws Exception {
        return fx(() -> robot.lookup(query).tryQuery().map(node -> {
            for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
                if (!n.isVisible()) {
                    return false;
                }
            }
            return true;
        }).orElse(false));
    }

    private static void personalize(VirtualChips tray, VirtualChip blank, byte[] chipId, java.security.SecureRandom random)
            throws Exception {
        tray.put(blank);
        dev.tessera.reader.wallet.WalletCard card = tray.tap();
        card.select();
        card.personalize(chipId, random.generateSeed(16), random.generateSeed(16));
        tray.takeOff();
    }

    private void assertNoChipKeyIn(Path data, List<String> chips, long eventId) throws java.io.IOException {
        PlatformCenter center = ui.embeddedCenter();
        java.util.Map<String, byte[]> keys = new java.util.LinkedHashMap<>();
        for (String chip : chips) {
            keys.put("access key of " + chip, dev.tessera.center.chipkeys.ChipCards.staticKey(center, false, chip));
            keys.put("gate key of " + chip, dev.tessera.center.chipkeys.ChipCards.staticKey(center, true, chip));
            keys.put("event gate key of " + chip, dev.tessera.center.chipkeys.ChipCards.eventGateKey(center, chip, eventId));
        }
        List<Path> files;
        try (var walk = java.nio.file.Files.walk(data)) {
            files = walk.filter(java.nio.file.Files::isRegularFile).toList();
        }
        assertThat(files).as("the terminal's files").isNotEmpty()
                .anyMatch(f -> f.getFileName().toString().endsWith(".mv.db"));
        for (Path file : files) {
            byte[] content = java.nio.file.Files.readAllBytes(file);
            for (var key : keys.entrySet()) {
                byte[] raw = key.getValue();
                for (byte[] form : List.of(raw, HexFormat.of().formatHex(raw).getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                        HexFormat.of().withUpperCase().formatHex(raw).getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                        java.util.Base64.getEncoder().withoutPadding().encodeToString(raw)
                                .getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
                    assertThat(indexOf(content, form)).as("%s in %s", key.getKey(), data.relativize(file)).isEqualTo(-1);
                }
            }
        }
    }

    /** Where {@code needle} starts in {@code haystack}, or -1 (ISO-8859-1 maps every byte to one char). */
    private static int indexOf(byte[] haystack, byte[] needle) {
        return new String(haystack, java.nio.charset.StandardCharsets.ISO_8859_1)
                .indexOf(new String(needle, java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    private CounterWorkspace signInAtTheCounter(Path data) throws Exception {
        ui.start(data);
        ui.signIn("clerk", "clerk-demo");
        return ui.openCounter();
    }

    private String issueCard(VirtualChips tray, int index, String name, String login, String password) throws Exception {
        ListView<?> chips = robot.lookup("#virtualChips").queryAs(ListView.class);
        fx(() -> {
            chips.getSelectionModel().select(index);
            return null;
        });
        robot.clickOn("#putOnReader");
        robot.clickOn("#newMemberName").write(name);
        robot.clickOn("#newMemberLogin").write(login);
        robot.clickOn("#newMemberPassword").write(password);
        CounterWorkspace counter = ui.app().shell().main().orElseThrow().counterProperty().get();
        String before = fx(() -> counter.chips().lastIssuedChipIdProperty().get());
        robot.clickOn("#issueCard");
        waitFor(20, "the card issued", () -> {
            String now = counter.chips().lastIssuedChipIdProperty().get();
            return now != null && !now.equals(before);
        });
        fx(() -> {
            counter.chips().memberNameProperty().set("");
            counter.chips().memberLoginProperty().set("");
            return null;
        });
        lastLogin = login;
        return fx(() -> counter.chips().lastIssuedChipIdProperty().get());
    }

    private static void putOnReader(VirtualChips tray, int index) {
        tray.put(tray.chips().get(index));
    }

    private static List<StoredTicket> onChip(VirtualChips tray, int index, AppUnderTest ui) throws Exception {
        VirtualChip chip = tray.chips().get(index);
        tray.put(chip);
        return ChipLook.list(tray.tap(), ui.app().shell().connection().orElseThrow().embeddedCenter().orElseThrow());
    }

    private static boolean consecutive(SeatMap map, List<String> seatIds) {
        for (var section : map.sections()) {
            for (Row row : section.rows()) {
                List<String> ids = row.seats().stream().map(s -> s.id()).toList();
                if (ids.containsAll(seatIds)) {
                    List<Integer> at = seatIds.stream().map(ids::indexOf).sorted().toList();
                    return at.getLast() - at.getFirst() == seatIds.size() - 1;
                }
            }
        }
        return false;
    }

    private javafx.scene.Node tabNamed(String name) {
        return robot.lookup(".tab-label").match(n -> n instanceof Label l && name.equals(l.getText())).query();
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 6);
    }
}
