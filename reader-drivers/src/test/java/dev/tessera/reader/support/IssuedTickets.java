package dev.tessera.reader.support;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tessera.contract.sales.IssuedTicket;
import dev.tessera.reader.center.CenterClient;
import dev.tessera.reader.wallet.ChipTicket;
import java.util.ArrayList;
import java.util.List;

/** The tickets of a sale or transfer answer the tests read raw, as center-contract's records (unknown fields refused). */
public final class IssuedTickets {
    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private IssuedTickets() {
    }

    /** One issued ticket, decoded for the card as {@link CenterClient} decodes it. */
    public static ChipTicket chipTicket(JsonNode issued) {
        try {
            return CenterClient.chipTicket(STRICT.treeToValue(issued, IssuedTicket.class));
        } catch (java.io.IOException e) {
            throw new AssertionError("not an issued ticket of the contract: " + issued, e);
        }
    }

    /** A list of issued tickets (a sale's {@code tickets}). */
    public static List<ChipTicket> chipTickets(JsonNode issued) {
        List<ChipTicket> out = new ArrayList<>();
        issued.forEach(t -> out.add(chipTicket(t)));
        return out;
    }
}
