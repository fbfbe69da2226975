package dev.tessera.reader.gate;

import java.util.UUID;

/**
 * One tap's outcome.
 *
 * @param ticketId     null when no ticket was identified
 * @param chipMarked   for ADMITTED: whether MARK USED reached the chip too (the local log always has it)
 * @param detail       for the log: what exactly failed
 */
public record GateDecision(Verdict verdict, UUID ticketId, int version, String seatId, String chipId,
                           boolean chipMarked, String detail) {

    public boolean admitted() {
        return verdict == Verdict.ADMITTED;
    }

    /** What the screen shows. */
    public String message() {
        return verdict == Verdict.ADMITTED ? "Welcome: seat " + seatId + "." : verdict.sentence();
    }

    static GateDecision refuse(Verdict verdict, String chipId, String detail) {
        return new GateDecision(verdict, null, 0, null, chipId, false, detail);
    }
}
