package dev.tessera.center.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tessera.contract.terminal.OfflineSalePayload;
import dev.tessera.core.crypto.IssuerKeyPair;
import dev.tessera.core.model.LedgerEntry;
import dev.tessera.core.ticket.Ticket;
import dev.tessera.core.ticket.TicketCodec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What an offline counter's journal carries to the center: its sales of standing places, and the push body. */
public final class OfflineJournal {
    private OfflineJournal() {}

    /** The payload of an offline cash sale of {@code places} standing places of an area, signed by the terminal. */
    public static String standingSale(CenterFixture.EventSetup ev, IssuerKeyPair terminalKey, String areaId,
                                      String categoryId, int places) throws Exception {
        JsonNode event = ev.event();
        List<String> tickets = new ArrayList<>();
        for (int i = 0; i < places; i++) {
            Ticket ticket = new Ticket(UUID.randomUUID(), 1, ev.eventId(), areaId, categoryId,
                    Ticket.ANY_GATE, Instant.parse(event.get("doorsOpen").asText()),
                    Instant.parse(event.get("endsAt").asText()), "", List.of(),
                    event.get("pricesMinor").get(categoryId).asLong(), event.get("currency").asText(), true);
            tickets.add(Base64.getEncoder().encodeToString(TicketCodec.encodeSigned(ticket, terminalKey)));
        }
        return ApiClient.JSON.writeValueAsString(new OfflineSalePayload(ev.eventId(), null,
                new OfflineSalePayload.Payment("CASH", null), tickets, null));
    }

    /** The body of {@code POST /api/terminals/{terminalId}/journal}. */
    public static Map<String, Object> push(LedgerEntry... entries) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (LedgerEntry e : entries) {
            list.add(Map.of("sequence", e.sequence(), "kind", e.kind().name(), "at", e.at().toString(),
                    "payload", e.payload(), "previousHash", HexFormat.of().formatHex(e.previousHash()),
                    "hash", HexFormat.of().formatHex(e.hash())));
        }
        return Map.of("entries", list);
    }
}
