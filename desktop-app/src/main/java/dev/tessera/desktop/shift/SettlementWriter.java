package dev.tessera.desktop.shift;

import dev.tessera.contract.shift.Shift;
import dev.tessera.reports.ReportException;
import dev.tessera.reports.ReportOptions;
import dev.tessera.reports.export.Exporter;
import dev.tessera.reports.settlement.ShiftSettlement;
import dev.tessera.reports.settlement.TaxTable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneId;
import java.util.Locale;
import java.util.function.Supplier;

/** Writes a closed shift's settlement as a PDF (report-templates' shift-settlement), in the app's language. */
public final class SettlementWriter {
    /** The PDF could not be written; the message names the file or the reason. */
    public static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Failure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Supplier<Locale> locale;

    public SettlementWriter(Supplier<Locale> locale) {
        this.locale = locale;
    }

    /** Blocking: fills and exports the report; the file appears whole or not at all. */
    public void write(Shift shift, Path file) {
        var t = shift.totals();
        var data = new ShiftSettlement.Data(shift.id(), shift.sellerName(), shift.terminalId(), shift.currency(),
                shift.openedAt().toInstant(),
                shift.closedAt() == null ? null : shift.closedAt().toInstant(), shift.floatMinor(), t.cashSalesMinor(), t.cashRefundsMinor(),
                shift.expectedCashMinor() == null ? t.expectedCashMinor() : shift.expectedCashMinor(),
                shift.countedCashMinor() == null ? 0 : shift.countedCashMinor(), t.cardSalesMinor(),
                t.cardRefundsMinor(), t.invoiceSalesMinor(), t.sales(), t.tickets(), t.voids(), t.refunds(),
                shift.note(), shift.closingCount().stream()
                        .map(c -> new ShiftSettlement.Count(c.denominationMinor(), c.quantity())).toList(),
                t.byRate().stream().map(r -> new TaxTable.Line("", r.currency(), r.rateBasisPoints(), r.grossMinor(),
                        r.taxMinor())).toList());
        Path partial = file.resolveSibling(file.getFileName() + ".part");
        try {
            var print = ShiftSettlement.render(data, ReportOptions.of(locale.get(), ZoneId.systemDefault()));
            try (OutputStream out = Files.newOutputStream(partial)) {
                Exporter.pdf(print, out);
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | ReportException e) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // the partial file is harmless; the failure below is what the clerk needs to see
            }
            throw new Failure(file + ": " + e.getMessage(), e);
        }
    }
}
