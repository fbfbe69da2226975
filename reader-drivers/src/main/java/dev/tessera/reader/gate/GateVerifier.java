package dev.tessera.reader.gate;

import dev.tessera.core.crypto.ChipEnvelope;
import dev.tessera.core.format.TicketFormatException;
import dev.tessera.core.ticket.PaperCode;
import dev.tessera.core.ticket.SignedTicket;
import dev.tessera.core.ticket.Ticket;
import dev.tessera.core.ticket.TicketCodec;
import dev.tessera.reader.center.CenterClient.GateChip;
import dev.tessera.reader.wallet.CardGoneException;
import dev.tessera.reader.wallet.CardProtocolException;
import dev.tessera.reader.wallet.CardRefusedException;
import dev.tessera.reader.wallet.CardTicketIds;
import dev.tessera.reader.wallet.ChipInfo;
import dev.tessera.reader.wallet.StoredTicket;
import dev.tessera.reader.wallet.WalletCard;
import dev.tessera.reader.wallet.WalletException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The venue's reader (claim 67 b-c), offline-capable: tap → genuineness challenge → read → open the envelope by
 * on-card ECDH → issuer signature, event, gate, time window, revocations, not used → mark used in the local log
 * and on the chip. It needs nothing but a {@link GateTrust} from the last sync and its {@link GateLog}.
 * One tap admits one ticket: a chip holding four seats of the event is tapped four times.
 */
public final class GateVerifier {

    private final GateTrust trust;
    private final String gateId;
    private final GateAdmissions log;
    private final Clock clock;
    private final Duration clockSkew;
    private final java.util.function.Predicate<String> fullAreas;

    public GateVerifier(GateTrust trust, String gateId, GateAdmissions log, Clock clock, Duration clockSkew) {
        this(trust, gateId, log, clock, clockSkew, area -> false);
    }

    /** @param fullAreas whether a standing area is marked full at the door now (issue 18); asked at each check */
    public GateVerifier(GateTrust trust, String gateId, GateAdmissions log, Clock clock, Duration clockSkew,
                        java.util.function.Predicate<String> fullAreas) {
        this.trust = Objects.requireNonNull(trust, "trust");
        this.gateId = Objects.requireNonNull(gateId, "gateId");
        this.log = Objects.requireNonNull(log, "log");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.clockSkew = Objects.requireNonNull(clockSkew, "clockSkew");
        this.fullAreas = Objects.requireNonNull(fullAreas, "fullAreas");
    }

    public GateDecision tap(WalletCard card) {
        String chipId = null;
        try {
            ChipInfo info = card.select();
            chipId = info.chipIdHex();
            if (!info.personalized()) {
                return GateDecision.refuse(Verdict.CARD_BLOCKED, chipId, "chip life-cycle state " + info.lifeCycle());
            }
            Optional<GateChip> registered = trust.chip(chipId);
            if (registered.isEmpty()) {
                return GateDecision.refuse(Verdict.UNKNOWN_CHIP, chipId, "chip not in the gate package");
            }
            if (!Arrays.equals(registered.get().publicKey(), info.publicKey()) || !card.proveGenuine(registered.get().publicKey())) {
                return GateDecision.refuse(Verdict.NOT_GENUINE, chipId, "INTERNAL AUTHENTICATE does not match the registered key");
            }
            try {
                card.authenticateGate(trust.eventId(), registered.get().gateKey());
            } catch (CardProtocolException | CardRefusedException e) {
                return GateDecision.refuse(Verdict.NOT_GENUINE, chipId, "gate key refused: " + e.getMessage());
            }
            return judge(card, chipId);
        } catch (CardGoneException e) {
            return GateDecision.refuse(Verdict.CARD_REMOVED, chipId, e.getMessage());
        } catch (CardProtocolException e) {
            return GateDecision.refuse(Verdict.NOT_A_WALLET, chipId, e.getMessage());
        } catch (WalletException e) {
            return GateDecision.refuse(Verdict.NOT_A_WALLET, chipId, e.getMessage());
        }
    }

    /**
     * A paper ticket: the text its QR code carries (a {@link PaperCode}, or the base64 of tickets printed before it;
     * docs/ticket-format.md §11), as a scanner types it. Checked like a chip ticket, except that it must not name a
     * holder chip.
     */
    public GateDecision scanPaper(String code) {
        byte[] bytes;
        try {
            bytes = PaperCode.decode(code);
        } catch (IllegalArgumentException e) {
            return GateDecision.refuse(Verdict.UNREADABLE, null, "not a paper code: " + e.getMessage());
        }
        SignedTicket signed;
        try {
            signed = TicketCodec.decodeAndVerify(bytes, trust.issuers());
        } catch (TicketFormatException e) {
            Verdict v = switch (e.reason()) {
                case BAD_SIGNATURE, UNKNOWN_ISSUER -> Verdict.FORGED;
                case BAD_MAGIC, TRUNCATED, OVERSIZED -> Verdict.UNREADABLE;
                default -> Verdict.ALTERED;
            };
            return GateDecision.refuse(v, null, e.getMessage());
        }
        GateDecision d = check(signed.ticket(), null, null);
        return d.admitted() ? admit(null, new Candidate(d, null, signed)) : d;
    }

    /** A ticket read from the chip and what the checks said about it. */
    private record Candidate(GateDecision decision, StoredTicket stored, SignedTicket signed) {}

    private GateDecision judge(WalletCard card, String chipId) throws WalletException {
        List<GateDecision> refusals = new ArrayList<>();
        for (StoredTicket stored : card.list()) {
            Candidate c = evaluate(card, chipId, stored);
            if (c.decision().admitted()) {
                return admit(card, c);
            }
            refusals.add(c.decision());
        }
        // the most telling refusal: a good standing ticket held back by a full area (it enters once the area opens,
        // issue 18), then any ticket of this event (a used seat beside it must not hide it), then another event's
        return refusals.stream().filter(d -> d.verdict() == Verdict.AREA_FULL).findFirst()
                .or(() -> refusals.stream().filter(d -> d.verdict() != Verdict.WRONG_EVENT).findFirst())
                .or(() -> refusals.stream().findFirst())
                .orElse(GateDecision.refuse(Verdict.NO_TICKET, chipId, "the chip shows this gate no ticket of event "
                        + trust.eventId()));
    }

    private Candidate evaluate(WalletCard card, String chipId, StoredTicket stored) throws WalletException {
        SignedTicket signed;
        try {
            byte[] opened = ChipEnvelope.open(card.read(stored), HexFormat.of().parseHex(chipId), card.agent());
            signed = TicketCodec.decodeAndVerify(opened, trust.issuers());
        } catch (WalletCard.AgentFailure e) {
            throw e.getCause();
        } catch (TicketFormatException e) {
            Verdict v = switch (e.reason()) {
                case BAD_SIGNATURE, UNKNOWN_ISSUER -> Verdict.FORGED;
                default -> Verdict.ALTERED;
            };
            return new Candidate(new GateDecision(v, stored.cardTicketId(), stored.version(), null, chipId, false,
                    e.getMessage(), List.of()), stored, null);
        }
        return new Candidate(check(signed.ticket(), chipId, stored), stored, signed);
    }

    /**
     * The checks that need no card, in the order the gate staff's reasons are most useful.
     * {@code chipId} and {@code stored} are null for a paper ticket.
     */
    GateDecision check(Ticket t, String chipId, StoredTicket stored) {
        Instant now = clock.instant();
        Verdict v;
        String detail;
        if (t.eventId() != trust.eventId()) {
            v = Verdict.WRONG_EVENT;
            detail = "ticket for event " + t.eventId();
        } else if (stored != null && (!CardTicketIds.of(HexFormat.of().parseHex(chipId), t.ticketId())
                .equals(stored.cardTicketId()) || t.version() != stored.version())) {
            v = Verdict.ALTERED;
            detail = "the chip's directory says " + stored.cardTicketId() + " v" + stored.version();
        } else if (!Objects.requireNonNullElse(chipId, "").equals(t.holderChipId())) {
            v = Verdict.WRONG_CHIP;
            detail = chipId == null ? "a chip's ticket shown on paper" : "ticket holder chip " + t.holderChipId();
        } else if (!t.isValidAtAnyGate() && !t.gateId().equals(gateId)) {
            v = Verdict.WRONG_GATE;
            detail = "ticket for gate " + t.gateId();
        } else if (now.plus(clockSkew).isBefore(t.validFrom())) {
            v = Verdict.TOO_EARLY;
            detail = "valid from " + t.validFrom();
        } else if (now.minus(clockSkew).isAfter(t.validUntil())) {
            v = Verdict.EXPIRED;
            detail = "valid until " + t.validUntil();
        } else if (trust.revoked(t.ticketId(), t.version())) {
            v = Verdict.REVOKED;
            detail = "version " + t.version() + " is revoked";
        } else if ((stored != null && stored.used()) || log.admitted(t.ticketId())) {
            v = Verdict.ALREADY_USED;
            detail = stored != null && stored.used() ? "marked used on the chip" : "in this gate's log (a replayed copy)";
        } else if (t.generalAdmission() && fullAreas.test(t.seatId())) {
            // issue 18: the gate staff marked the ticket's standing area full inside; the ticket stays good for later
            v = Verdict.AREA_FULL;
            detail = "standing area " + t.seatId() + " is marked full at the door";
        } else {
            v = Verdict.ADMITTED;
            detail = "ok";
        }
        // claim 70: the names go to the screen only with a green answer (a refused copy names nobody)
        return new GateDecision(v, t.ticketId(), t.version(), t.seatId(), chipId, false, detail,
                v == Verdict.ADMITTED ? t.attendees() : List.of());
    }

    // The log entry is the admission: it is on disk before the gate shows green. Marking the chip is a second
    // line of defence for other offline gates, and may fail if the holder pulls the card away. No card: paper.
    private GateDecision admit(WalletCard card, Candidate c) {
        GateDecision d = c.decision();
        try {
            log.append(new GateLog.Entry(d.ticketId(), d.version(), d.chipId(), gateId, clock.instant(),
                    c.signed().encoded()));
        } catch (IOException e) {
            throw new UncheckedIOException("the gate log cannot be written: no admission without it", e);
        }
        if (card == null) {
            return d;
        }
        boolean marked;
        String detail = d.detail();
        try {
            card.markUsed(d.ticketId(), d.version());
            marked = true;
        } catch (WalletException e) {
            marked = false;
            detail = "admitted; the chip was not marked: " + e.getMessage();
        }
        return new GateDecision(Verdict.ADMITTED, d.ticketId(), d.version(), d.seatId(), d.chipId(), marked, detail,
                d.attendees());
    }
}
