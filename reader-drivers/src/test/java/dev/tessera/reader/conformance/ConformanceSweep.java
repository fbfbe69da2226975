package dev.tessera.reader.conformance;

import dev.tessera.core.crypto.ChipSessionCrypto;
import dev.tessera.reader.conformance.WalletSpec.Chip;
import dev.tessera.reader.conformance.WalletSpec.Command;
import dev.tessera.reader.conformance.WalletSpec.Life;
import dev.tessera.reader.conformance.WalletSpec.Session;
import dev.tessera.reader.conformance.WalletSpec.State;
import dev.tessera.reader.wallet.CardTransport;
import dev.tessera.reader.wallet.ChipTicket;
import dev.tessera.reader.wallet.KeyRef;
import dev.tessera.reader.wallet.WalletCard;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Sends commands to a chip in a given life-cycle state and compares each status word with the one
 * {@link WalletSpec#expected} derives from docs/card-protocol.md; after every command that the spec says
 * changes nothing, the chip's info block, list and every ticket's bytes must be as before. Between commands the
 * chip is re-selected (which ends sessions and chains, §4.1) and the state's session opened again.
 */
public final class ConformanceSweep {

    /** Where blank chips come from: the in-JVM simulator, or a simulated chip put on pcscd's virtual reader. */
    @FunctionalInterface
    public interface ChipSource {
        CardTransport blankChip() throws Exception;
    }

    /**
     * Cases per state, how often each status word was the answer, APDUs sent in all (cases and the checks around
     * them), and what did not conform.
     */
    public record Result(Map<State, Integer> casesPerState, Map<String, Integer> statusWords, int apdus,
                         List<String> failures) {
        public int cases() {
            return casesPerState.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    /** The event of the tickets on swept chips; a gate session is opened for it. */
    public static final long EVENT = 4711;
    private static final int[] CLASSES = {0x00, 0x04, 0x10, 0x80, 0x84, 0x90, 0x94, 0xA0};
    private static final int[] UNKNOWN_INS = {0x00, 0x42, 0xC0, 0xF0};
    private static final int[][] P1P2 = {{0, 0}, {1, 0}, {0, 1}, {0, 2}, {4, 0}, {0x0F, 0}, {0x10, 0}, {0xFF, 0xFF}};

    private final ChipSource source;
    private final byte[] chipId = bytes(8);
    private final byte[] accessKey = bytes(16);
    private final byte[] gateKey = bytes(16);
    private int apdus;

    public ConformanceSweep(ChipSource source) {
        this.source = source;
    }

    /** Every CLA × INS × P1 P2 of the sweep, each in every APDU shape of {@link #shapes} for the INS. */
    public static List<Apdus.Command> headerCases() {
        Set<Integer> instructions = new LinkedHashSet<>(WalletSpec.TABLE.keySet());
        for (int ins : UNKNOWN_INS) {
            instructions.add(ins);
        }
        List<Apdus.Command> cases = new ArrayList<>();
        for (int cla : CLASSES) {
            for (int ins : instructions) {
                for (int[] p : P1P2) {
                    for (int[] shape : shapes(WalletSpec.TABLE.get(ins))) {
                        add(cases, new Apdus.Command(cla, ins, p[0], p[1], new byte[shape[0]], shape[1], shape[2] != 0));
                    }
                }
            }
        }
        return cases;
    }

    /** Every command of the table with its own CLA and valid P1 P2, in every shape: Nc right and wrong, Le too. */
    public static List<Apdus.Command> shapeCases() {
        List<Apdus.Command> cases = new ArrayList<>();
        for (Command row : WalletSpec.TABLE.values()) {
            if (row.ins() == WalletSpec.SELECT) {
                continue;
            }
            List<int[]> p1p2 = switch (row.p1p2()) {
                case KEY_REFERENCE -> List.of(new int[] {0, 1}, new int[] {0, 2});
                case SLOT -> List.of(new int[] {0, 0}, new int[] {1, 0}, new int[] {0x0F, 0});
                default -> List.<int[]>of(new int[] {0, 0});
            };
            List<Integer> classes = row.ins() == WalletSpec.WRITE ? List.of(row.cla(), row.cla() | WalletSpec.CHAINING_BIT)
                    : List.of(row.cla());
            for (int cla : classes) {
                for (int[] p : p1p2) {
                    for (int[] shape : shapes(row)) {
                        add(cases, new Apdus.Command(cla, row.ins(), p[0], p[1], new byte[shape[0]], shape[1], shape[2] != 0));
                    }
                }
            }
        }
        return cases;
    }

    /**
     * The APDU shapes for a row of the table (null: an unknown INS) as {Nc, Ne, extended}: the valid and the wrong
     * Nc of the row, each with no Le, Ne 1, 256, 65,536 and the row's minimum Ne and one less, short and extended.
     */
    static List<int[]> shapes(Command row) {
        List<Integer> lengths = new ArrayList<>();
        Set<Integer> nes = new LinkedHashSet<>(List.of(0, 1, 256, 65_536));
        if (row == null) {
            lengths.addAll(List.of(0, 8));
        } else {
            lengths.addAll(row.validNc());
            lengths.addAll(row.wrongNc());
            if (row.minNe() > 1) {
                nes.add(row.minNe() - 1);
                nes.add(row.minNe());
            }
            if (row.minNe() == WalletSpec.INFO_FULL) {
                nes.add(WalletSpec.INFO_BLANK - 1);
                nes.add(WalletSpec.INFO_BLANK);
            }
        }
        List<int[]> shapes = new ArrayList<>();
        for (int nc : lengths) {
            if (nc < 0) {
                continue;
            }
            for (int ne : nes) {
                shapes.add(new int[] {nc, ne, 0});
                shapes.add(new int[] {nc, ne, 1});
            }
        }
        return shapes;
    }

    private static void add(List<Apdus.Command> cases, Apdus.Command c) {
        boolean selectionWithoutAid = c.ins() == WalletSpec.SELECT && c.cla() == WalletSpec.CLA_ISO && c.p1() == 4
                && c.p2() == 0 && !c.extended() && c.data().length == 0;
        // a short SELECT 04 00 without data is the runtime's to interpret (§4.1); the sweep leaves it out
        if (c.valid() && !selectionWithoutAid) {
            cases.add(c);
        }
    }

    /** Runs the cases against a chip in each of the states. */
    public Result run(List<State> states, List<Apdus.Command> cases) throws Exception {
        Map<State, Integer> counts = new EnumMap<>(State.class);
        Map<String, Integer> statusWords = new java.util.TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (State state : states) {
            CardTransport chip = chipIn(state);
            Chip model = model(state, chip);
            List<String> before = snapshot(chip, state.life);
            openSession(chip, state);
            for (Apdus.Command command : cases) {
                int sw = sw(transmit(chip, command.encode()));
                int expected = WalletSpec.expected(model, command);
                statusWords.merge(String.format("%04X", sw), 1, Integer::sum);
                if (sw != expected) {
                    failures.add(String.format("%s: %s answered %04X, the spec says %04X", state, command, sw, expected));
                }
                if (WalletSpec.changesTheChip(command, sw)) {
                    chip = chipIn(state);
                    model = model(state, chip);
                    before = snapshot(chip, state.life);
                } else {
                    List<String> after = snapshot(chip, state.life);
                    if (!after.equals(before)) {
                        failures.add(String.format("%s: %s (%04X) changed the chip: %s → %s", state, command, sw,
                                before, after));
                        before = after;
                    }
                }
                openSession(chip, state);
                counts.merge(state, 1, Integer::sum);
            }
        }
        return new Result(counts, statusWords, apdus, failures);
    }

    /** A chip in the state: personalized chips hold two tickets, the second one used. */
    public CardTransport chipIn(State state) throws Exception {
        CardTransport chip = source.blankChip();
        WalletCard card = new WalletCard(counted(chip), WalletCard.LengthMode.EXTENDED, RANDOM);
        card.select();
        if (state.life == Life.BLANK) {
            return chip;
        }
        card.personalize(chipId, accessKey, gateKey);
        card.select();
        card.authenticate(KeyRef.ACCESS, accessKey);
        ChipTicket valid = new ChipTicket(UUID.randomUUID(), 1, EVENT, bytes(100));
        ChipTicket used = new ChipTicket(UUID.randomUUID(), 3, EVENT, bytes(300));
        card.write(List.of(valid, used));
        card.markUsed(used.ticketId(), used.version());
        if (state.life == Life.LOCKED) {
            card.lock();
        }
        return chip;
    }

    public WalletCard card(CardTransport chip) {
        return new WalletCard(counted(chip), WalletCard.LengthMode.EXTENDED, RANDOM);
    }

    public byte[] accessKey() {
        return accessKey.clone();
    }

    public byte[] gateKey() {
        return gateKey.clone();
    }

    /** The gate key of {@link #EVENT}, the one event of the sweep's tickets (§7): what its gate package carries. */
    public byte[] eventGateKey() {
        return ChipSessionCrypto.diversify(gateKey, (byte) 0x04, java.nio.ByteBuffer.allocate(8).putLong(EVENT).array());
    }

    private Chip model(State state, CardTransport chip) throws Exception {
        Map<Integer, Integer> lengths = new LinkedHashMap<>();
        if (state.life == Life.PERSONALIZED) {
            select(chip);
            card(chip).authenticate(KeyRef.ACCESS, accessKey);
            byte[] page = transmit(chip, list());
            for (int at = 1; at + 22 <= page.length - 2; at += 22) {
                lengths.put(page[at] & 0xFF, (page[at + 20] & 0xFF) << 8 | page[at + 21] & 0xFF);
            }
        }
        return new Chip(state, lengths);
    }

    /** Info block, list and every ticket's bytes, as far as the state lets a terminal with the access key see them. */
    public List<String> snapshot(CardTransport chip, Life life) throws Exception {
        List<String> seen = new ArrayList<>();
        seen.add(hex(select(chip)));
        if (life == Life.PERSONALIZED) {
            // LIST and READ need a session (§4.8): the sweep looks with the access key, which sees every ticket
            card(chip).authenticate(KeyRef.ACCESS, accessKey);
            byte[] page = transmit(chip, list());
            seen.add(hex(page));
            for (int at = 1; at + 22 <= page.length - 2; at += 22) {
                seen.add(hex(transmit(chip, new Apdus.Command(WalletSpec.CLA_PLAIN, WalletSpec.READ, page[at] & 0xFF, 0,
                        new byte[0], 65_536, true).encode())));
            }
            select(chip); // ends the look's session: the state's own session is opened again by the caller
        }
        return seen;
    }

    private byte[] select(CardTransport chip) throws Exception {
        byte[] info = transmit(chip, new Apdus.Command(WalletSpec.CLA_ISO, WalletSpec.SELECT, 4, 0, WalletSpec.AID, 256,
                false).encode());
        if (sw(info) != WalletSpec.OK) {
            throw new AssertionError("SELECT answered " + hex(info));
        }
        return info;
    }

    private static byte[] list() {
        return new Apdus.Command(WalletSpec.CLA_PLAIN, WalletSpec.LIST, 0, 0, new byte[0], 65_536, true).encode();
    }

    private void openSession(CardTransport chip, State state) throws Exception {
        if (state.session == Session.NONE) {
            return;
        }
        if (state.session == Session.ACCESS) {
            card(chip).authenticate(KeyRef.ACCESS, accessKey);
        } else {
            card(chip).authenticateGate(EVENT, eventGateKey());
        }
    }

    private byte[] transmit(CardTransport chip, byte[] command) throws Exception {
        apdus++;
        return chip.transmit(command);
    }

    private CardTransport counted(CardTransport chip) {
        return command -> {
            apdus++;
            return chip.transmit(command);
        };
    }

    static int sw(byte[] response) {
        return (response[response.length - 2] & 0xFF) << 8 | response[response.length - 1] & 0xFF;
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
