package dev.tessera.reader.conformance;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * docs/card-protocol.md 1.2 as data: the §4 command table, the §5 status words and the §5.1 order of checks,
 * written from the page and not from the applet (no applet constant is used), so that the conformance sweep
 * checks the applet against the page.
 */
public final class WalletSpec {

    private WalletSpec() {
    }

    // §5 status words
    static final int OK = 0x9000;
    static final int WRONG_LENGTH = 0x6700;
    static final int LAST_COMMAND_EXPECTED = 0x6883;
    static final int CHAINING_NOT_SUPPORTED = 0x6884;
    static final int SECURITY_NOT_SATISFIED = 0x6982;
    static final int AUTH_BLOCKED = 0x6983;
    static final int CONDITIONS_NOT_SATISFIED = 0x6985;
    static final int MAC_MISSING = 0x6987;
    static final int MAC_INVALID = 0x6988;
    static final int WRONG_DATA = 0x6A80;
    static final int APPLICATION_NOT_FOUND = 0x6A82;
    static final int WRONG_P1P2 = 0x6A86;
    static final int NOT_FOUND = 0x6A88;
    static final int INS_NOT_SUPPORTED = 0x6D00;
    static final int CLA_NOT_SUPPORTED = 0x6E00;

    // §1, §2
    static final byte[] AID = {(byte) 0xF0, 0x54, 0x53, 0x52, 0x41, 0x57, 0x4C, 0x01};
    static final int CLA_ISO = 0x00;
    static final int CLA_PLAIN = 0x80;
    static final int CLA_SECURE = 0x84;
    static final int CHAINING_BIT = 0x10;
    static final int MAX_NE = 32_767;
    static final int CAPACITY = 16;
    static final int MAC_LENGTH = 8;
    /** §4.1: 11 bytes while BLANK, 84 otherwise. */
    static final int INFO_BLANK = 11;
    static final int INFO_FULL = 84;

    // §4 instructions
    static final int SELECT = 0xA4;
    static final int GET_INFO = 0xCA;
    static final int PERSONALIZE = 0xE0;
    static final int AUTH_INIT = 0x50;
    static final int AUTH_VERIFY = 0x82;
    static final int INTERNAL_AUTHENTICATE = 0x88;
    static final int KEY_AGREEMENT = 0x86;
    static final int LIST = 0xB2;
    static final int READ = 0xB0;
    static final int WRITE = 0xD0;
    static final int DELETE = 0xE4;
    static final int MARK_USED = 0xE8;
    static final int LOCK = 0xFE;

    /** §3 life cycle. */
    public enum Life { BLANK, PERSONALIZED, LOCKED }

    /** The §4 "state" column, with the session the sweep opens (§4.4). */
    public enum State {
        BLANK(Life.BLANK, Session.NONE),
        PERSONALIZED(Life.PERSONALIZED, Session.NONE),
        ACCESS_SESSION(Life.PERSONALIZED, Session.ACCESS),
        GATE_SESSION(Life.PERSONALIZED, Session.GATE),
        LOCKED(Life.LOCKED, Session.NONE);

        final Life life;
        final Session session;

        State(Life life, Session session) {
            this.life = life;
            this.session = session;
        }
    }

    public enum Session { NONE, ACCESS, GATE }

    /** The §4 "security" column. */
    enum Security { NONE, SESSION_EITHER_KEY, SESSION_ACCESS_KEY, AFTER_AUTH_INIT }

    /** The P1 P2 column: fixed values, a key reference in P2, or a slot in P1. */
    enum P1P2 {
        ZERO, SELECT_BY_AID, KEY_REFERENCE, SLOT;

        boolean accepts(int p1, int p2) {
            return switch (this) {
                case ZERO -> p1 == 0 && p2 == 0;
                case SELECT_BY_AID -> p1 == 0x04 && p2 == 0;
                case KEY_REFERENCE -> p1 == 0 && (p2 == 0x01 || p2 == 0x02);
                case SLOT -> p1 < CAPACITY && p2 == 0;
            };
        }
    }

    /**
     * One row of the §4 table. {@code minNe} 0 means "Le absent"; {@code minNc}/{@code maxNc} are the "Nc" column
     * for plain commands (READ: 0 or 2, see {@link #ncAccepted}); {@code typicalNc} is a well-formed length.
     */
    record Command(String name, int cla, int ins, P1P2 p1p2, int minNc, int maxNc, int typicalNc, int minNe,
                   Set<Life> states, Security security) {

        boolean secure() {
            return cla == CLA_SECURE;
        }

        boolean ncAccepted(int nc) {
            if (ins == READ) {
                return nc == 0 || nc == 2;
            }
            return nc >= minNc && nc <= maxNc;
        }

        /** Lengths the "Nc" column refuses, just outside it. */
        List<Integer> wrongNc() {
            if (secure()) {
                return List.of(0, MAC_LENGTH - 1);
            }
            if (ins == READ) {
                return List.of(1, 3);
            }
            if (ins == AUTH_INIT) {
                return List.of(0, 7, 9, 17);
            }
            return maxNc == 0 ? List.of(1) : List.of(minNc - 1, maxNc + 1);
        }

        List<Integer> validNc() {
            if (ins == READ) {
                return List.of(0, 2);
            }
            if (ins == AUTH_INIT) {
                return List.of(8, 16);
            }
            return minNc == maxNc || secure() ? List.of(typicalNc) : List.of(minNc, maxNc);
        }

        int minNe(State state) {
            return minNe == INFO_FULL && state.life == Life.BLANK ? INFO_BLANK : minNe;
        }
    }

    private static final Set<Life> ANY = EnumSet.allOf(Life.class);
    private static final Set<Life> BLANK_ONLY = EnumSet.of(Life.BLANK);
    private static final Set<Life> PERSONALIZED_ONLY = EnumSet.of(Life.PERSONALIZED);

    /** The §4 table. WRITE's typical Nc: count, one 28-byte header, a 10-byte envelope, the MAC. */
    static final Map<Integer, Command> TABLE = table(
            new Command("SELECT", CLA_ISO, SELECT, P1P2.SELECT_BY_AID, 8, 8, 8, INFO_FULL, ANY, Security.NONE),
            new Command("GET INFO", CLA_PLAIN, GET_INFO, P1P2.ZERO, 0, 0, 0, INFO_FULL, ANY, Security.NONE),
            new Command("PERSONALIZE", CLA_PLAIN, PERSONALIZE, P1P2.ZERO, 40, 40, 40, 65, BLANK_ONLY, Security.NONE),
            // Nc 8 (RND.H) for the access key, 16 (RND.H ‖ event id) for the gate key: see nc(...)
            new Command("AUTH INIT", CLA_PLAIN, AUTH_INIT, P1P2.KEY_REFERENCE, 8, 16, 8, 16, PERSONALIZED_ONLY,
                    Security.NONE),
            new Command("AUTH VERIFY", CLA_PLAIN, AUTH_VERIFY, P1P2.ZERO, 8, 8, 8, 0, PERSONALIZED_ONLY,
                    Security.AFTER_AUTH_INIT),
            new Command("INTERNAL AUTHENTICATE", CLA_PLAIN, INTERNAL_AUTHENTICATE, P1P2.ZERO, 16, 64, 32, 72,
                    PERSONALIZED_ONLY, Security.NONE),
            new Command("KEY AGREEMENT", CLA_SECURE, KEY_AGREEMENT, P1P2.ZERO, 73, 73, 73, 32, PERSONALIZED_ONLY,
                    Security.SESSION_EITHER_KEY),
            new Command("LIST TICKETS", CLA_PLAIN, LIST, P1P2.SLOT, 0, 0, 0, 23, PERSONALIZED_ONLY,
                    Security.SESSION_EITHER_KEY),
            new Command("READ TICKET", CLA_PLAIN, READ, P1P2.SLOT, 0, 2, 2, 1, PERSONALIZED_ONLY,
                    Security.SESSION_EITHER_KEY),
            new Command("WRITE TICKETS", CLA_SECURE, WRITE, P1P2.ZERO, 8, 65_535, 1 + 28 + 10 + 8, 1,
                    PERSONALIZED_ONLY, Security.SESSION_ACCESS_KEY),
            new Command("DELETE TICKETS", CLA_SECURE, DELETE, P1P2.ZERO, 8, 65_535, 1 + 16 + 8, 1, PERSONALIZED_ONLY,
                    Security.SESSION_ACCESS_KEY),
            new Command("MARK USED", CLA_SECURE, MARK_USED, P1P2.ZERO, 8, 65_535, 16 + 2 + 8, 0, PERSONALIZED_ONLY,
                    Security.SESSION_EITHER_KEY),
            new Command("LOCK", CLA_SECURE, LOCK, P1P2.ZERO, 8, 65_535, 8, 0, PERSONALIZED_ONLY,
                    Security.SESSION_ACCESS_KEY));

    private static Map<Integer, Command> table(Command... rows) {
        Map<Integer, Command> map = new LinkedHashMap<>();
        for (Command c : rows) {
            map.put(c.ins(), c);
        }
        return Map.copyOf(map);
    }

    /** What the sweep knows about the chip besides its state: which slots hold a ticket (from LIST). */
    record Chip(State state, Map<Integer, Integer> ticketLengths) {
        Set<Integer> occupiedSlots() {
            return ticketLengths.keySet();
        }

        int ticketLength(int slot) {
            return ticketLengths.get(slot);
        }
    }

    /**
     * The status word §5.1 gives a command sent to a chip whose session (if any) is fresh, with no AUTH INIT
     * pending and no WRITE chain open; secure commands carry a MAC that does not verify. SELECT that the runtime
     * turns into a selection is not modelled here (§4.1; see the SELECT cases of the test).
     */
    static int expected(Chip chip, Apdus.Command apdu) {
        State state = chip.state();
        int baseClass = apdu.cla() & ~CHAINING_BIT;
        boolean chained = (apdu.cla() & CHAINING_BIT) != 0;
        if (baseClass != CLA_ISO && baseClass != CLA_PLAIN && baseClass != CLA_SECURE) {
            return CLA_NOT_SUPPORTED;
        }
        Command command = TABLE.get(apdu.ins());
        if (command == null) {
            return INS_NOT_SUPPORTED;
        }
        if (chained && command.ins() != WRITE) {
            return CHAINING_NOT_SUPPORTED;
        }
        boolean plainForSecure = command.secure() && baseClass == CLA_PLAIN;
        if (baseClass != command.cla() && !plainForSecure) {
            return CLA_NOT_SUPPORTED;
        }
        if (!command.p1p2().accepts(apdu.p1(), apdu.p2())) {
            return WRONG_P1P2;
        }
        if (command.ins() == SELECT) {
            return APPLICATION_NOT_FOUND;
        }
        boolean auth = command.ins() == AUTH_INIT || command.ins() == AUTH_VERIFY;
        if (auth && state.life == Life.LOCKED) {
            return AUTH_BLOCKED;
        }
        if (!command.states().contains(state.life)) {
            return CONDITIONS_NOT_SATISFIED;
        }
        if (command.secure()) {
            boolean keyFits = command.security() == Security.SESSION_EITHER_KEY ? state.session != Session.NONE
                    : state.session == Session.ACCESS;
            if (baseClass != CLA_SECURE || !keyFits) {
                return SECURITY_NOT_SATISFIED;
            }
            if (chained) {
                // a chained WRITE block takes no Le and opens the chain; the MAC comes at its end
                return apdu.ne() == 0 ? OK : WRONG_LENGTH;
            }
            if (!leAccepted(command, state, apdu.ne())) {
                return WRONG_LENGTH;
            }
            return apdu.data().length < MAC_LENGTH ? MAC_MISSING : MAC_INVALID;
        }
        if (command.security() == Security.AFTER_AUTH_INIT) {
            return CONDITIONS_NOT_SATISFIED;
        }
        if (command.security() == Security.SESSION_EITHER_KEY && state.session == Session.NONE) {
            // LIST and READ: plain commands, but only in a session (§4.8, 1.2)
            return SECURITY_NOT_SATISFIED;
        }
        boolean ncAccepted = command.ins() == AUTH_INIT ? apdu.data().length == (apdu.p2() == 0x02 ? 16 : 8)
                : command.ncAccepted(apdu.data().length);
        if (!ncAccepted || !leAccepted(command, state, apdu.ne())) {
            return WRONG_LENGTH;
        }
        if (command.ins() == READ) {
            if (!chip.occupiedSlots().contains(apdu.p1())) {
                return NOT_FOUND;
            }
            int offset = apdu.data().length == 2 ? (apdu.data()[0] & 0xFF) << 8 | apdu.data()[1] & 0xFF : 0;
            return offset > chip.ticketLength(apdu.p1()) ? WRONG_DATA : OK;
        }
        return OK;
    }

    static boolean leAccepted(Command command, State state, int ne) {
        int minimum = command.minNe(state);
        return minimum == 0 ? ne == 0 : ne >= minimum;
    }

    /** True if a command answered {@code sw} may have changed the chip (the rest must leave it unchanged). */
    static boolean changesTheChip(Apdus.Command apdu, int sw) {
        return sw == OK && apdu.ins() == PERSONALIZE;
    }
}
