package dev.tessera.reports.settlement;

import dev.tessera.core.tax.TaxRate;
import dev.tessera.core.model.Money;
import java.util.List;
import java.util.Locale;

/**
 * Issue 17: a settlement's money per tax rate, as the sales log's table shows it (docs/tax.md): gross is sales less
 * refunds, tax the receipts' tax (each receipt's rounded once per rate) less the credit notes', net = gross − tax.
 * The templates print it as columns of lines, one line per row, from {@link #column}.
 */
public record TaxTable(List<Line> lines) {
    /** One rate's row; {@code label} names whose money it is (a seller, "all sellers"), or is empty. */
    public record Line(String label, String currency, int rateBasisPoints, long grossMinor, long taxMinor) {
        public long netMinor() {
            return grossMinor - taxMinor;
        }
    }

    public static final TaxTable EMPTY = new TaxTable(List.of());

    public TaxTable {
        lines = List.copyOf(lines);
    }

    /** {@code column} is label, rate, gross, tax or net; "–" when there is no row. */
    public String column(String column, Locale locale) {
        if (lines.isEmpty()) {
            return "–";
        }
        return String.join("\n", lines.stream().map(l -> switch (column) {
            case "label" -> l.label();
            case "rate" -> l.currency() + " " + new TaxRate(l.rateBasisPoints()).percentText() + "%";
            case "gross" -> Money.format(l.grossMinor(), l.currency(), locale);
            case "tax" -> Money.format(l.taxMinor(), l.currency(), locale);
            case "net" -> Money.format(l.netMinor(), l.currency(), locale);
            default -> throw new IllegalArgumentException("no tax column " + column);
        }).toList());
    }
}
