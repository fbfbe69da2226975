package dev.tessera.desktop.manager;

import static dev.tessera.center.db.schema.Tables.SALE;
import static dev.tessera.center.db.schema.Tables.TICKET_VOID;
import static dev.tessera.desktop.support.Fx.fx;
import static dev.tessera.desktop.support.Fx.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.contract.sales.IssuedTicket;
import dev.tessera.contract.shift.Count;
import dev.tessera.contract.shift.OpenShift;
import dev.tessera.contract.shift.Shift;
import dev.tessera.contract.shift.ShiftTotals;
import dev.tessera.desktop.TesseraApp;
import dev.tessera.desktop.center.CenterApiTypes.EventInfo;
import dev.tessera.desktop.center.CenterClient;
import dev.tessera.desktop.center.CenterSession;
import dev.tessera.desktop.support.AppUnderTest;
import dev.tessera.desktop.support.Pdfs;
import dev.tessera.desktop.support.Screenshots;
import dev.tessera.desktop.support.TestCenter;
import dev.tessera.desktop.ui.Formats;
import dev.tessera.core.model.Money;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * Issue 17, on the screen: a clerk's shift with four sales, a refund and a void without refund; the manager's sales log
 * (Ctrl+G) shows totals equal to the shift settlement's figures and to the database, to the yen, and its PDF says the
 * same.
 */
class SalesLogFlowTest {
    private static final Locale EN = Locale.ENGLISH;

    @RegisterExtension
    final AppUnderTest ui = new AppUnderTest();
    private final FxRobot robot = ui.robot();

    @Test
    void theSalesLogOnScreenEqualsTheShiftSettlementAndTheDatabaseAfterSalesAVoidAndARefund(@TempDir Path data,
            @TempDir Path out) throws Exception {
        TesseraApp app = ui.start(data, EN);
        Shift shift;
        ShiftTotals totals;
        try (CenterClient other = new CenterClient(app.shell().connection().orElseThrow().baseUri())) {
            CenterSession clerk = other.signIn("clerk", "clerk-demo");
            EventInfo tempest = clerk.events().stream().filter(e -> e.name().equals(TestCenter.DEMO_EVENT))
                    .findFirst().orElseThrow();
            shift = clerk.openShift(new OpenShift("sales-log-flow", "JPY", List.of(new Count(10_000, 2))));
            // four sales (cash, card, invoice, card) and a card ticket refunded
            DemoSales sales = new DemoSales(clerk, tempest);
            // a ticket of the cash sale voided without a refund: the money stays in the till
            IssuedTicket voided = sales.sales.getFirst().tickets().getFirst();
            clerk.voidTicket(voided.ticketId(), "entered twice", false);
            totals = clerk.shift(shift.id()).totals();
        }
        long shiftSales = totals.cashSalesMinor() + totals.cardSalesMinor() + totals.invoiceSalesMinor();
        long shiftRefunds = totals.cashRefundsMinor() + totals.cardRefundsMinor();
        DSLContext db = ui.embeddedCenter().services().db().dsl();
        long dbGross = db.select(DSL.sum(SALE.TOTAL_MINOR)).from(SALE).fetchOne().value1().longValueExact();
        long dbRefunds = db.select(DSL.sum(TICKET_VOID.REFUND_MINOR)).from(TICKET_VOID).fetchOne().value1()
                .longValueExact();
        int dbVoids = db.fetchCount(TICKET_VOID);
        assertThat(totals.sales()).isEqualTo(4);
        assertThat(totals.voids()).isEqualTo(2);
        assertThat(dbVoids).isEqualTo(2);
        assertThat(shiftSales).isEqualTo(dbGross);
        assertThat(shiftRefunds).isEqualTo(dbRefunds).isPositive();

        ui.signIn("manager", "manager-demo");
        waitFor(30, "the manager workspace", () -> app.shell().main()
                .flatMap(m -> m.workspace(ManagerWorkspace.class)).isPresent());
        ManagerViewModel vm = app.shell().main().orElseThrow().workspace(ManagerWorkspace.class).orElseThrow().viewModel();
        waitFor(90, "events and sellers", () -> !vm.events().isEmpty() && !vm.sellers().isEmpty());
        robot.clickOn("#reportSalesLog");
        robot.press(KeyCode.CONTROL).type(KeyCode.G).release(KeyCode.CONTROL);
        waitFor(60, "the sales log", () -> !vm.busyProperty().get() && vm.reportProperty().get() != null
                && vm.reportProperty().get().kind() == ReportKind.SALES_LOG && vm.pageProperty().get() != null);
        Screenshots.take(ui.scene(), "46-manager-sales-log-reconciled");

        // on screen: gross sold, the void and the refund counted, the net = the shift's sales less its refunds = the database's
        assertThat(ui.text("#totalSold")).isEqualTo(yen(shiftSales)).isEqualTo(yen(dbGross));
        assertThat(ui.text("#totalRefunded")).isEqualTo(yen(shiftRefunds)).isEqualTo(yen(dbRefunds));
        assertThat(ui.text("#totalVoidedTickets")).isEqualTo("2");
        assertThat(ui.text("#totalNet")).isEqualTo(yen(shiftSales - shiftRefunds)).isEqualTo(yen(dbGross - dbRefunds));
        assertThat(ui.text("#totalNetCASH")).isEqualTo(yen(totals.cashSalesMinor() - totals.cashRefundsMinor()));
        assertThat(ui.text("#totalNetCARD")).isEqualTo(yen(totals.cardSalesMinor() - totals.cardRefundsMinor()));
        assertThat(ui.text("#totalNetINVOICE")).isEqualTo(yen(totals.invoiceSalesMinor()));

        // the PDF the manager exports says the same, with the void and the refund as lines of their own
        Path pdf = out.resolve("sales-log.pdf");
        fx(() -> {
            vm.export(ExportFormat.PDF, pdf);
            return null;
        });
        waitFor(60, "the PDF written", () -> !vm.busyProperty().get()
                && vm.statusProperty().get().key().equals("manager.status.exported"));
        String text = Pdfs.text(pdf);
        assertThat(text).containsPattern("\\n\\s*4\\s+\\d+\\s+2\\s+" + money(dbGross) + "\\s+" + money(-dbRefunds)
                + "\\s+" + money(dbGross - dbRefunds) + "\\s*\\n");
        assertThat(text).containsPattern("\\s+Refund\\s+").containsPattern("\\s+Void\\s+");
    }

    private static String yen(long minor) {
        return Formats.money(minor, "JPY", EN);
    }

    private static String money(long minor) {
        return java.util.regex.Pattern.quote(Money.format(minor, "JPY", EN));
    }
}
