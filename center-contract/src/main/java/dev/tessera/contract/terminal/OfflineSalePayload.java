package dev.tessera.contract.terminal;

import java.util.List;
import java.util.Map;

/**
 * Flow 3: the payload of the journal entry a terminal writes for a sale made while the center was out of reach
 * (docs/terminal-sync.md). The terminal writes it into its ledger; the center reads it from the pushed
 * {@link JournalEntry#payload()} and turns it into a sale.
 *
 * @param type           always {@link #TYPE}: what tells this payload from the journal's other entries
 * @param customerChipId the member card the tickets were written to, or null for paper
 * @param tickets        the tickets, each signed by the terminal's certified key, in Base64
 * @param taxRates       the rate (basis points) the terminal sold each category at, or null for the event's rates
 */
public record OfflineSalePayload(String type, long eventId, String customerChipId, Payment payment, List<String> tickets,
                                 Map<String, Integer> taxRates) {
    public static final String TYPE = "OFFLINE_SALE";

    /** How the offline sale was paid: CASH, CARD or INVOICE, and the card slip's or invoice's reference. */
    public record Payment(String method, String reference) {}

    public OfflineSalePayload(long eventId, String customerChipId, Payment payment, List<String> tickets,
                              Map<String, Integer> taxRates) {
        this(TYPE, eventId, customerChipId, payment, tickets, taxRates);
    }
}
