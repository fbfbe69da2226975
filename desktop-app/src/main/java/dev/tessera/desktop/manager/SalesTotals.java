package dev.tessera.desktop.manager;

import dev.tessera.contract.saleslog.SalesLog;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures beside the preview, one currency at a time (amounts never mix): tickets and amount
 * sold, voided and refunded, and the net takings per payment method. Net is what was sold less what was
 * paid back, as the sales log and a shift settlement count it: a void without refund leaves the money in. In the
 * sales log a refund is taken from the method it went back by (a card sale refunded in cash leaves the drawer).
 */
public record SalesTotals(String currency, int soldTickets, long soldMinor, int voidedTickets, long voidedMinor,
                          long refundedMinor, Map<String, Long> netByPayment) {
    public SalesTotals {
        netByPayment = Map.copyOf(netByPayment);
    }

    public long netMinor() {
        return soldMinor - refundedMinor;
    }

    /** Issue 13: the same figures added up a ticket at a time, as a streamed log passes. */
    public static final class Tally {
        private static final class Sums {
            int sold;
            int voided;
            long soldMinor;
            long voidedMinor;
            long refunded;
            final Map<String, Long> net = new TreeMap<>();
        }

        private final Map<String, Sums> byCurrency = new TreeMap<>();

        public void add(SalesLog.Line t) {
            add(t, null);
        }

        /**
         * A ticket of the log; {@code refundMethod} is the method its refund went back by (CASH or CARD, from the
         * log's adjustments), under which the money paid back is counted, as the shift's drawer and the sales log's
         * PDF count it; null: under the sale's own method.
         */
        public void add(SalesLog.Line t, String refundMethod) {
            Sums sums = byCurrency.computeIfAbsent(t.currency(), c -> new Sums());
            sums.sold++;
            sums.soldMinor += t.priceMinor();
            sums.net.merge(t.paymentMethod(), t.priceMinor(), Long::sum);
            if ("VOID".equals(t.status())) {
                sums.voided++;
                sums.voidedMinor += t.priceMinor();
                sums.refunded += t.refundMinor();
                if (t.refundMinor() != 0) {
                    sums.net.merge(refundMethod == null ? t.paymentMethod() : refundMethod, -t.refundMinor(), Long::sum);
                }
            }
        }

        public List<SalesTotals> totals() {
            List<SalesTotals> totals = new ArrayList<>();
            byCurrency.forEach((currency, s) -> totals.add(new SalesTotals(currency, s.sold, s.soldMinor, s.voided,
                    s.voidedMinor, s.refunded, s.net)));
            return totals;
        }
    }

    public static List<SalesTotals> of(Collection<SalesLog.Line> tickets) {
        Map<String, List<SalesLog.Line>> byCurrency = new TreeMap<>();
        tickets.forEach(t -> byCurrency.computeIfAbsent(t.currency(), c -> new ArrayList<>()).add(t));
        List<SalesTotals> totals = new ArrayList<>();
        byCurrency.forEach((currency, lines) -> {
            int sold = 0;
            int voided = 0;
            long soldMinor = 0;
            long voidedMinor = 0;
            long refunded = 0;
            Map<String, Long> net = new TreeMap<>();
            for (SalesLog.Line t : lines) {
                sold++;
                soldMinor += t.priceMinor();
                net.merge(t.paymentMethod(), t.priceMinor(), Long::sum);
                if ("VOID".equals(t.status())) {
                    voided++;
                    voidedMinor += t.priceMinor();
                    refunded += t.refundMinor();
                    net.merge(t.paymentMethod(), -t.refundMinor(), Long::sum);
                }
            }
            totals.add(new SalesTotals(currency, sold, soldMinor, voided, voidedMinor, refunded, net));
        });
        return totals;
    }
}
