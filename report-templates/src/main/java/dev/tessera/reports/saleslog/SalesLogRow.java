package dev.tessera.reports.saleslog;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import net.sf.jasperreports.engine.JRGenericElementType;

/**
 * A detail row of the sales log as one print element (issue 13): the seven texts the page shows, formatted once, and
 * the columns the CSV and XLSX tables take from it. The row is a generic element of {@link #TYPE} whose parameter
 * {@link #PARAMETER} holds this record; the PDF exporter and the preview draw its texts directly (no text element,
 * no measuring). Serializable because a long log's pages go to a swap file.
 */
public record SalesLogRow(String time, String sale, String kind, String category, String payment, String tickets,
                          String amount, String eventName, String currency, String sellerName, String dayKey,
                          String soldAt, long saleId, String kindKey, int ticketCount, BigDecimal amountMajor)
        implements Serializable {
    public static final JRGenericElementType TYPE = new JRGenericElementType("urn:tessera:reports", "salesLogRow");
    public static final String PARAMETER = "row";

    /** The seven texts in the columns' order, left to right. */
    public List<String> texts() {
        return List.of(time, sale, kind, category, payment, tickets, amount);
    }

    /** The table's columns (CSV header, XLSX first row), in order. */
    public static final List<String> COLUMNS = List.of("event", "currency", "seller", "day", "at", "sale", "kind",
            "category", "payment", "tickets", "amount");

    /** This row's cells under {@link #COLUMNS}: texts, or numbers where the column is a number. */
    public List<Object> cells() {
        return List.of(eventName, currency, sellerName, dayKey, soldAt, saleId, kindKey, category, payment, ticketCount,
                amountMajor);
    }
}
