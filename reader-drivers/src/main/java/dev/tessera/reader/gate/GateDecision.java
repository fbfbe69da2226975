package dev.tessera.reader.gate;

import java.util.List;
import java.util.UUID;

/**
 * One tap's outcome.
 *
 * @param ticketId     null when no ticket was identified
 * @param chipMarked   for ADMITTED: whether MARK USED reached the chip too (the local log always has it)
 * @param detail       for the log: what exactly failed
 * @param attendees    for ADMITTED: the attendee names the signed ticket carries (claim 70), for the gate staff to
 *                     see beside the green answer; empty for a refusal, which names nobody
 */
public record GateDecision(Verdict verdict, UUID ticketId, int version, String seatId, String chipId,
                           boolean chipMarked, String detail, List<String> attendees) {

    public GateDecision {
        attendees = attendees == null ? List.of() : List.copyOf(attendees);
    }

    public boolean admitted() {
        return verdict == Verdict.ADMITTED;
    }

    /** What the screen shows. */
    public String message() {
        return verdict == Verdict.ADMITTED ? "Welcome: seat " + seatId + "." : verdict.sentence();
    }

    static GateDecision refuse(Verdict verdict, String chipId, String detail) {
        return new GateDecision(verdict, null, 0, null, chipId, false, detail, List.of());
    }
}
