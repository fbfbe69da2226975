package dev.tessera.h2;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.h2.mvstore.DataUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Points the store header of an H2 file that was not closed (a kill, a power cut) at the chunk written last, before
 * H2 opens it, so H2's recovery starts from there (ADR 0003).
 *
 * <p>H2 2.x (MVStore, checked in 2.5.252) writes every commit as a chunk and finds the newest one after a crash
 * from the store header, then from chunk to chunk along each chunk's guess of where the next one goes, and from the
 * end of the file. When a chunk lands in reused space away from that guess, H2 rewrites the header, but with the
 * chunk before it (its last chunk is updated only after the header is written); the chunks written after that jump
 * are then reachable neither from the header nor from the end of the file until the next header write (a further
 * jump, or 20 versions later) or a chunk at the end of the file. A kill in that window made H2 open the file at the
 * chunk before the jump, without commits it had returned. H2 still checks the chunk named here (every chunk it refers
 * to must be whole) and falls back on its own when it is not.
 */
public final class H2HeaderRepair {
    private static final Logger LOG = LoggerFactory.getLogger(H2HeaderRepair.class);
    private static final int BLOCK = 4096;
    private static final int FOOTER = 128;
    private static final int MAX_CHUNK_HEADER = 1024;
    /** The file format of H2 2.x, the one whose chunks and header this class reads. */
    private static final String H2_2_FORMAT = "3";

    /** The header named {@code from} (a version and a chunk id, -1 before the first chunk) and names {@code to} now. */
    public record Repaired(long fromVersion, int fromChunk, long toVersion, int toChunk) {}

    private record ChunkAt(int id, long block, int len, long version, long time) {}

    private H2HeaderRepair() {}

    /**
     * The H2 file of {@code jdbcUrl}, when the URL names a file H2 opens in this process ({@code jdbc:h2:file:...},
     * or a path): {@code <path>.mv.db}.
     */
    /**
     * Before H2 opens {@code mvFile}: points its header at the newest whole chunk if the file was not closed, and logs it
     * as {@code what} ("the H2 file", "the ledger"). A file that is absent or closed cleanly is left alone; a file that
     * cannot be read is logged and left to H2.
     */
    public static void beforeOpening(Path mvFile, String what) {
        if (!Files.isRegularFile(mvFile)) {
            return;
        }
        try {
            pointAtNewestChunk(mvFile).ifPresent(r -> LOG.warn("{} {} was not closed (a kill or a power cut); its header "
                    + "named version {} (chunk {}), it names the last whole chunk now: version {} (chunk {})", what,
                    mvFile, r.fromVersion(), r.fromChunk(), r.toVersion(), r.toChunk()));
        } catch (IOException e) {
            LOG.warn("could not check {} {} for commits after its header's chunk: {}", what, mvFile, e.toString());
        }
    }

    public static Optional<Path> fileOf(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:h2:")) {
            return Optional.empty();
        }
        String name = jdbcUrl.substring("jdbc:h2:".length());
        int settings = name.indexOf(';');
        if (settings >= 0) {
            name = name.substring(0, settings);
        }
        if (name.startsWith("file:")) {
            name = name.substring("file:".length());
        } else if (!(name.startsWith("/") || name.startsWith(".") || name.startsWith("~"))) {
            return Optional.empty();
        }
        if (name.startsWith("~")) {
            name = System.getProperty("user.home") + name.substring(1);
        }
        return Optional.of(Path.of(name + ".mv.db"));
    }

    /**
     * When {@code mvFile} was not closed cleanly and holds a whole chunk newer than the one its header names, points
     * the header at the chunk written last. A file that is absent, closed cleanly, already right, open in another
     * process, or not in H2 2.x's format is left alone.
     */
    public static Optional<Repaired> pointAtNewestChunk(Path mvFile) throws IOException {
        if (!Files.isRegularFile(mvFile) || Files.size(mvFile) < 3L * BLOCK) {
            return Optional.empty();
        }
        try (FileChannel file = FileChannel.open(mvFile, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock;
            try {
                lock = file.tryLock();
            } catch (OverlappingFileLockException e) {
                return Optional.empty();
            }
            if (lock == null) {
                return Optional.empty();
            }
            try {
                return repair(file);
            } finally {
                lock.release();
            }
        }
    }

    private static Optional<Repaired> repair(FileChannel file) throws IOException {
        Map<String, String> header = null;
        for (int copy = 0; copy < 2; copy++) {
            Map<String, String> m = checksummed(read(file, (long) copy * BLOCK, BLOCK));
            if (m != null && (header == null || versionOf(m) > versionOf(header))) {
                header = m;
            }
        }
        if (header == null || header.containsKey("clean") || !H2_2_FORMAT.equals(header.get("format"))) {
            return Optional.empty();
        }
        ChunkAt newest = null;
        long blocks = file.size() / BLOCK;
        for (long block = 2; block < blocks; block++) {
            ChunkAt chunk = wholeChunkAt(file, block, blocks);
            if (chunk != null && (newest == null || chunk.time() > newest.time()
                    || chunk.time() == newest.time() && chunk.version() > newest.version())) {
                newest = chunk;
            }
        }
        long headerVersion = versionOf(header);
        if (newest == null || newest.version() <= headerVersion) {
            return Optional.empty();
        }
        HashMap<String, Object> updated = new HashMap<>(header);
        updated.put("block", newest.block());
        updated.put("chunk", newest.id());
        updated.put("version", newest.version());
        writeHeader(file, updated);
        return Optional.of(new Repaired(headerVersion, header.containsKey("chunk") ? (int) hex(header, "chunk") : -1,
                newest.version(), newest.id()));
    }

    /** A chunk whose header starts at {@code block} and whose footer, at its end, names the same chunk. */
    private static ChunkAt wholeChunkAt(FileChannel file, long block, long blocks) throws IOException {
        ByteBuffer start = read(file, block * BLOCK, 6);
        if (start.remaining() < 6 || !"chunk:".equals(StandardCharsets.ISO_8859_1.decode(start).toString())) {
            return null;
        }
        byte[] bytes = bytes(read(file, block * BLOCK, MAX_CHUNK_HEADER));
        int end = 0;
        while (end < bytes.length && bytes[end] != '\n') {
            end++;
        }
        if (end == bytes.length) {
            return null;
        }
        try {
            Map<String, String> m = DataUtils.parseMap(new String(bytes, 0, end, StandardCharsets.ISO_8859_1).trim());
            int id = (int) hex(m, "chunk");
            int len = (int) hex(m, "len");
            long at = m.containsKey("block") ? hex(m, "block") : block;
            if (len <= 0 || at != block || block + len > blocks) {
                return null;
            }
            Map<String, String> footer = checksummed(read(file, (block + len) * BLOCK - FOOTER, FOOTER));
            if (footer == null || hex(footer, "chunk") != id || hex(footer, "len") != len
                    || hex(footer, "version") != hex(m, "version")) {
                return null;
            }
            return new ChunkAt(id, block, len, hex(m, "version"), hex(m, "time"));
        } catch (RuntimeException notAChunk) {
            return null;
        }
    }

    /** H2's checksummed map ({@code key:value,...,fletcher:x}), or null when it does not check out. */
    private static Map<String, String> checksummed(ByteBuffer buffer) {
        byte[] bytes = bytes(buffer);
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int line = text.indexOf('\n');
        if (line >= 0) {
            text = text.substring(0, line);
        }
        text = text.strip();
        int mark = text.lastIndexOf(",fletcher:");
        if (mark < 0) {
            return null;
        }
        try {
            byte[] body = text.substring(0, mark).getBytes(StandardCharsets.ISO_8859_1);
            int check = (int) Long.parseLong(text.substring(mark + ",fletcher:".length()), 16);
            if (check != DataUtils.getFletcher32(body, 0, body.length)) {
                return null;
            }
            return DataUtils.parseMap(text.substring(0, mark));
        } catch (RuntimeException corrupt) {
            return null;
        }
    }

    /** Both copies of the store header, as H2 writes them: the map, its Fletcher-32, a line feed, in each 4 KiB block. */
    private static void writeHeader(FileChannel file, HashMap<String, Object> header) throws IOException {
        header.remove("fletcher");
        StringBuilder text = DataUtils.appendMap(new StringBuilder(), header);
        byte[] body = text.toString().getBytes(StandardCharsets.ISO_8859_1);
        DataUtils.appendMap(text, "fletcher", DataUtils.getFletcher32(body, 0, body.length));
        text.append('\n');
        byte[] bytes = text.toString().getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer blocks = ByteBuffer.allocate(2 * BLOCK);
        blocks.put(bytes);
        blocks.position(BLOCK);
        blocks.put(bytes);
        blocks.rewind();
        while (blocks.hasRemaining()) {
            file.write(blocks, blocks.position());
        }
        file.force(true);
    }

    /** The version the header names; a header written before the first chunk names none. */
    private static long versionOf(Map<String, String> header) {
        return header.containsKey("version") ? hex(header, "version") : -1;
    }

    private static long hex(Map<String, String> map, String key) {
        String value = map.get(key);
        if (value == null) {
            throw new IllegalArgumentException("no " + key);
        }
        return Long.parseLong(value.toLowerCase(Locale.ROOT), 16);
    }

    private static ByteBuffer read(FileChannel file, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (file.read(buffer, position + buffer.position()) < 0) {
                break;
            }
        }
        return buffer.flip();
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
