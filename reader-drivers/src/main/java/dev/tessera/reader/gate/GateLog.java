package dev.tessera.reader.gate;

import dev.tessera.reader.center.CenterClient;
import dev.tessera.reader.center.CenterException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The gate's own record of admissions: an append-only file, forced to disk before the gate shows green, so a
 * ticket is admitted once even if its chip is never marked (pulled away, or a copy restored from before). Entries
 * are reported to the center when the gate is online.
 */
public final class GateLog implements GateAdmissions, AutoCloseable {

    /** One admission. */
    public record Entry(UUID ticketId, int version, String chipId, String gateId, Instant at, byte[] signedTicket) {}

    private final FileChannel file;
    private final Set<UUID> admitted = new HashSet<>();
    private final Map<UUID, Entry> unsynced = new LinkedHashMap<>();

    private GateLog(FileChannel file) {
        this.file = file;
    }

    public static GateLog open(Path path) throws IOException {
        GateLog log = new GateLog(FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND));
        if (Files.size(path) > 0) {
            for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
                log.replay(line);
            }
        }
        return log;
    }

    private void replay(String line) {
        String[] f = line.split(" ");
        if (f.length == 7 && f[0].equals("ADMITTED")) {
            Entry e = new Entry(UUID.fromString(f[1]), Integer.parseInt(f[2]), f[3], f[4], Instant.parse(f[5]),
                    Base64.getDecoder().decode(f[6]));
            admitted.add(e.ticketId());
            unsynced.put(e.ticketId(), e);
        } else if (f.length == 2 && f[0].equals("SYNCED")) {
            unsynced.remove(UUID.fromString(f[1]));
        }
        // a torn last line (power cut mid-append) has fewer fields and is ignored: that admission never showed green
    }

    @Override
    public synchronized boolean admitted(UUID ticketId) {
        return admitted.contains(ticketId);
    }

    /** Durable before it returns. */
    @Override
    public synchronized void append(Entry e) throws IOException {
        write("ADMITTED " + e.ticketId() + " " + e.version() + " " + e.chipId() + " " + e.gateId() + " " + e.at() + " "
                + Base64.getEncoder().encodeToString(e.signedTicket()));
        admitted.add(e.ticketId());
        unsynced.put(e.ticketId(), e);
    }

    /** Reports unsynced admissions to the center (claim 67: the master learns the ticket was used). */
    public synchronized int syncTo(CenterClient center, long eventId) throws CenterException, IOException {
        int sent = 0;
        for (Entry e : new ArrayList<>(unsynced.values())) {
            center.reportScan(eventId, e.gateId(), e.signedTicket(), e.chipId());
            write("SYNCED " + e.ticketId());
            unsynced.remove(e.ticketId());
            sent++;
        }
        return sent;
    }

    public synchronized List<Entry> unsynced() {
        return List.copyOf(unsynced.values());
    }

    private void write(String line) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            file.write(bytes);
        }
        file.force(false);
    }

    @Override
    public synchronized void close() throws IOException {
        file.close();
    }
}
