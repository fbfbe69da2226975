package dev.tessera.desktop.counter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.tessera.core.model.LedgerEntry;
import dev.tessera.core.model.LedgerKind;
import dev.tessera.desktop.ledger.LedgerStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** The counter's journal entries as JSON payloads, appended to this terminal's chain. */
public final class Journal {
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    private final LedgerStore ledger;
    private final String terminalId;
    private final Runnable appended;

    public Journal(LedgerStore ledger, String terminalId, Runnable appended) {
        this.ledger = ledger;
        this.terminalId = terminalId;
        this.appended = appended;
    }

    public LedgerEntry append(LedgerKind kind, ObjectNode payload) {
        LedgerEntry entry = ledger.append(terminalId, kind, payload.toString());
        appended.run();
        return entry;
    }

    /** A payload of the center's contract (an offline sale), written as the center will read it. */
    public LedgerEntry append(LedgerKind kind, Record payload) {
        return append(kind, JSON.<ObjectNode>valueToTree(payload));
    }

    public static ObjectNode payload(String type) {
        return JSON.createObjectNode().put("type", type);
    }

    public List<LedgerEntry> entries() {
        return ledger.journal(terminalId);
    }

    public String terminalId() {
        return terminalId;
    }

    public LedgerStore ledger() {
        return ledger;
    }

    public static JsonNode read(LedgerEntry entry) {
        try {
            return JSON.readTree(entry.payload());
        } catch (IOException e) {
            throw new UncheckedIOException("journal entry " + entry.sequence() + " is not JSON", e);
        }
    }

    public static <T> T convert(JsonNode node, Class<T> type) {
        return JSON.convertValue(node, type);
    }
}
