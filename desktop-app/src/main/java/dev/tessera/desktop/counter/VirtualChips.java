package dev.tessera.desktop.counter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tessera.reader.pcsc.PcscReader;
import dev.tessera.reader.sim.ChipMemory;
import dev.tessera.reader.sim.SimulatedChip;
import dev.tessera.reader.sim.SimulatedReaders;
import dev.tessera.reader.wallet.CardGoneException;
import dev.tessera.reader.wallet.WalletCard;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;

/**
 * The embedded default's reader: jCardSim's in-JVM reader and a tray of simulated wallet chips the
 * clerk can put on it or take off. With a file, the tray keeps its chips there, each chip's persistent memory as
 * {@link ChipMemory} saves it, written whenever a chip is added, issued or taken off the reader and when the app
 * closes; a file that cannot be read is set aside whole, and the tray starts empty and says why. Without one, chips
 * live as long as the app. Thread safe.
 */
public final class VirtualChips implements CounterReader, AutoCloseable {
    public static final String READER_NAME = "Tessera counter reader";
    /** The tray's file in the simulated-cards folder beside the data folder (docs/decisions/0015). */
    public static final String FILE_NAME = "virtual-chips.json";

    /** One chip on the tray; {@code label} is what the clerk wrote on it, {@code owner} the member once issued. */
    public record VirtualChip(int number, String label, SimulatedChip chip, String owner, String chipId) {}

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(VirtualChips.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int FORMAT = 1;

    private final CardTerminal terminal;
    private final SecureRandom random;
    private final List<VirtualChip> chips = new ArrayList<>();
    /** Each chip's memory as it was last taken off the reader (a chip on the reader may be in a session). */
    private final Map<Integer, ObjectNode> memories = new HashMap<>();
    private final Path file;
    private final String loadProblem;
    private PcscReader reader;
    private VirtualChip onReader;

    public VirtualChips(SecureRandom random) {
        this(random, null);
    }

    /** A tray kept in {@code file} (read now if it exists), or only in memory when {@code file} is null. */
    public VirtualChips(SecureRandom random, Path file) {
        this.random = random;
        this.file = file;
        try {
            this.terminal = SimulatedReaders.factory(READER_NAME).terminals().list().getFirst();
        } catch (CardException e) {
            throw new IllegalStateException("the simulated reader is part of reader-drivers", e);
        }
        this.loadProblem = file == null || !Files.exists(file) ? null : load(file);
    }

    /** Why the tray's file could not be read and where it was set aside, when it could not. */
    public Optional<String> loadProblem() {
        return Optional.ofNullable(loadProblem);
    }

    private String load(Path from) {
        List<VirtualChip> read = new ArrayList<>();
        Map<Integer, ObjectNode> images = new HashMap<>();
        try {
            JsonNode root = JSON.readTree(Files.readAllBytes(from));
            if (root == null || root.path("format").asInt() != FORMAT || !root.path("chips").isArray()) {
                throw new ChipMemory.ChipMemoryException("it is not a chip tray of format " + FORMAT);
            }
            for (JsonNode c : root.path("chips")) {
                if (!c.path("memory").isObject() || !c.path("number").canConvertToInt()) {
                    throw new ChipMemory.ChipMemoryException("a chip has no number or memory");
                }
                SimulatedChip chip = ChipMemory.restore(c.path("memory"));
                int number = c.path("number").asInt();
                read.add(new VirtualChip(number, c.path("label").asText(""), chip, text(c, "owner"), text(c, "chipId")));
                images.put(number, (ObjectNode) c.path("memory"));
            }
        } catch (IOException | ChipMemory.ChipMemoryException | RuntimeException e) {
            Path aside = from.resolveSibling(from.getFileName() + ".damaged-" + System.currentTimeMillis());
            try {
                Files.move(from, aside, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException moveFailed) {
                LOG.error("the chip tray {} cannot be read nor set aside", from, moveFailed);
                return "the chip tray " + from + " cannot be read (" + e.getMessage() + ") nor set aside ("
                        + moveFailed.getMessage() + ")";
            }
            LOG.error("the chip tray {} cannot be read; it was set aside as {}", from, aside, e);
            return "the chip tray " + from.getFileName() + " cannot be read (" + e.getMessage() + "); it was kept as "
                    + aside;
        }
        chips.addAll(read);
        memories.putAll(images);
        return null;
    }

    private static String text(JsonNode node, String field) {
        return node.path(field).isTextual() ? node.path(field).asText() : null;
    }

    /** Writes the tray to its file, whole or not at all (a new file moved over the old one). */
    private void save() {
        if (file == null || (loadProblem != null && Files.exists(file))) {
            return;
        }
        ObjectNode root = JSON.createObjectNode().put("format", FORMAT);
        ArrayNode list = root.putArray("chips");
        for (VirtualChip c : chips) {
            ObjectNode node = list.addObject().put("number", c.number()).put("label", c.label())
                    .put("owner", c.owner()).put("chipId", c.chipId());
            node.set("memory", memories.get(c.number()));
        }
        try {
            Files.createDirectories(file.getParent());
            Path next = file.resolveSibling(file.getFileName() + ".new");
            Files.write(next, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("the chip tray could not be saved to {}", file, e);
        }
    }

    public synchronized VirtualChip addBlank(String label) {
        int number = chips.stream().mapToInt(VirtualChip::number).max().orElse(0) + 1;
        VirtualChip chip = new VirtualChip(number, label, new SimulatedChip(), null, null);
        chips.add(chip);
        memories.put(number, ChipMemory.save(chip.chip()));
        save();
        return chip;
    }

    /** After claim 31: the chip is now the member's card. */
    public synchronized VirtualChip issued(VirtualChip chip, String owner, String chipId) {
        VirtualChip card = new VirtualChip(chip.number(), chip.label(), chip.chip(), owner, chipId);
        chips.set(chips.indexOf(chip), card);
        if (onReader == chip) {
            onReader = card;
        } else {
            memories.put(card.number(), ChipMemory.save(card.chip()));
        }
        save();
        return card;
    }

    public synchronized List<VirtualChip> chips() {
        return List.copyOf(chips);
    }

    /** Puts the chip on the reader, taking off whatever lay there. */
    public synchronized void put(VirtualChip chip) {
        takeOff();
        chip.chip().insertInto(terminal);
        onReader = chip;
    }

    /** Lifts the chip off the reader: the connection breaks, the chip keeps its tickets. */
    public synchronized void takeOff() {
        VirtualChip lifted = onReader;
        if (lifted != null) {
            lifted.chip().remove();
            onReader = null;
        }
        if (reader != null) {
            reader.close();
            reader = null;
        }
        if (lifted != null) {
            memories.put(lifted.number(), ChipMemory.save(lifted.chip()));
            save();
        }
    }

    public synchronized Optional<VirtualChip> onReader() {
        return Optional.ofNullable(onReader);
    }

    @Override
    public synchronized WalletCard tap() throws CardGoneException {
        if (onReader == null) {
            throw new CardGoneException("no chip on " + READER_NAME, null);
        }
        if (reader == null) {
            reader = new PcscReader(terminal);
        }
        return new WalletCard(reader.reconnect(), WalletCard.LengthMode.EXTENDED, random);
    }

    @Override
    public synchronized void close() {
        takeOff();
    }
}
