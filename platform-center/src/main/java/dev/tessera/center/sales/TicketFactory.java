package dev.tessera.center.sales;

import dev.tessera.center.keys.IssuerKeys;
import dev.tessera.core.crypto.ChipEnvelope;
import dev.tessera.core.model.Chip;
import dev.tessera.core.model.Event;
import dev.tessera.core.seatmap.Gate;
import dev.tessera.core.seatmap.Seat;
import dev.tessera.core.seatmap.SeatMap;
import dev.tessera.core.ticket.Ticket;
import dev.tessera.core.ticket.TicketCodec;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/** Claim 29 i-j, 79: forms signed tickets from the master and seals them for the holder's chip. */
public final class TicketFactory {
    private final IssuerKeys keys;
    private final SecureRandom random = new SecureRandom();

    public TicketFactory(IssuerKeys keys) {
        this.keys = keys;
    }

    public byte[] sign(Ticket ticket) {
        return TicketCodec.encodeSigned(ticket, keys.active());
    }

    /** The signed ticket encrypted for one chip: only that chip can open it (claim 79). */
    public String sealFor(Chip chip, byte[] signed) {
        byte[] envelope = ChipEnvelope.seal(signed, chip.publicKey(), HexFormat.of().parseHex(chip.chipId()), random);
        return Base64.getEncoder().encodeToString(envelope);
    }

    /** The entrance gate nearest the seat among the event's gates. */
    public static String gateFor(Event event, SeatMap map, Seat seat) {
        List<Gate> placed = map.gates().stream().filter(g -> event.gates().contains(g.id())).toList();
        if (placed.isEmpty()) {
            return event.gates().getFirst();
        }
        return placed.stream()
                .min(Comparator.comparingDouble(g -> Math.hypot(g.position().x() - seat.x(), g.position().y() - seat.y())))
                .orElseThrow().id();
    }

    /** Issue 18: the event's gate nearest the middle of a standing area's outline. */
    public static String gateFor(Event event, SeatMap map, dev.tessera.core.seatmap.GeneralAdmissionArea area) {
        List<Gate> placed = map.gates().stream().filter(g -> event.gates().contains(g.id())).toList();
        if (placed.isEmpty()) {
            return event.gates().getFirst();
        }
        double x = area.outline().stream().mapToDouble(p -> p.x()).average().orElse(0);
        double y = area.outline().stream().mapToDouble(p -> p.y()).average().orElse(0);
        return placed.stream()
                .min(Comparator.comparingDouble(g -> Math.hypot(g.position().x() - x, g.position().y() - y)))
                .orElseThrow().id();
    }

    public static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
