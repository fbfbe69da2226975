package dev.tessera.desktop.gate;

import dev.tessera.desktop.ui.Formats;
import dev.tessera.desktop.ui.Localization;
import dev.tessera.reader.gate.Verdict;

/** The gate's sentences: what the big answer says and how a scan reads in the list, in the chosen language. */
final class GateTexts {
    private GateTexts() {}

    static String headline(GateStation.Answer a, Localization l10n) {
        return l10n.text(a.scan().admitted() ? "gate.answer.admitted" : "gate.answer.refused");
    }

    /** Why: for a refusal the reason in words, for a ticket used before also where and when. */
    static String reason(GateStation.Answer a, Localization l10n) {
        Verdict v = a.scan().verdict();
        if (v == Verdict.ALREADY_USED && a.usedAt() != null) {
            return l10n.text("gate.verdict.ALREADY_USED.where", Formats.time(a.usedAt(), l10n.getLocale()), a.usedAtGate());
        }
        return l10n.text("gate.verdict." + v.name());
    }

    static String seat(GateStation.SeatInfo s, Localization l10n) {
        return s.standing() ? l10n.text("gate.standing", s.section(), s.category())
                : l10n.text("gate.seat", s.section(), s.row(), s.seat(), s.category());
    }

    /** Claim 70: the attendee names of an admitted ticket, or nothing (a refusal or a ticket naming nobody). */
    static String attendees(GateStation.Answer a, Localization l10n) {
        if (!a.scan().admitted() || a.attendees().isEmpty()) {
            return "";
        }
        return l10n.text(a.attendees().size() == 1 ? "gate.attendees.one" : "gate.attendees.many",
                String.join(l10n.text("gate.attendees.separator"), a.attendees()));
    }

    /** Issue 18: a standing area's line: name, admissions here out of its capacity, and the door mark. */
    static String area(GateStation.AreaLine a, Localization l10n) {
        return l10n.text(a.full() ? "gate.area.full" : "gate.area.open", a.name(), a.admittedHere(), a.capacity());
    }

    /** Chip or paper, and when. */
    static String source(ScanRecord r, Localization l10n) {
        String time = Formats.time(r.at(), l10n.getLocale());
        return GateScans.PAPER.equals(r.medium()) ? l10n.text("gate.source.paper", time, r.gateId())
                : l10n.text("gate.source.chip", time, r.gateId(), shortChip(r.chipId()));
    }

    /** One entry of the last scans, two lines: when and what (flagged when it needs attention), where. */
    static String line(ScanRecord r, GateStation.SeatInfo seat, Localization l10n) {
        String what = r.admitted() ? l10n.text("gate.answer.admitted") : l10n.text("gate.verdict.short." + r.verdict().name());
        String flag = r.duplicate() ? l10n.text("gate.recent.duplicate")
                : r.admitted() && r.reportedVerdict() == null ? l10n.text("gate.recent.notReported") : null;
        String where = seat == null ? "" : " \u00b7 " + (seat.standing() ? seat.section()
                : l10n.text("gate.seat.short", seat.section(), seat.row(), seat.seat()));
        return Formats.time(r.at(), l10n.getLocale()) + "  " + what + (flag == null ? "" : " \u00b7 " + flag) + "\n"
                + l10n.text("gate.recent.gate", r.gateId()) + where;
    }

    static String shortChip(String chipId) {
        return chipId == null ? "" : "\u2022\u2022" + chipId.substring(Math.max(0, chipId.length() - 4));
    }
}
