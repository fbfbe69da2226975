package dev.tessera.h2;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ADR 0003's root cause and its repair, on H2's own storage engine (MVStore, the engine under every H2 file the
 * center opens). A copy of the file taken right after a commit returned is what a SIGKILL at that moment leaves on
 * disk: H2 must open it with that commit.
 */
class H2HeaderRepairTest {
    private static final int COMMITS = 400;

    @TempDir
    Path dir;

    @Test
    void withoutTheRepairH2OpensAKilledFileWithoutCommitsItHadReturned() throws IOException {
        List<Integer> lost = new ArrayList<>();
        commitAndCopy(COMMITS, (commit, copy) -> {
            if (lastCommitIn(copy) != commit) {
                lost.add(commit);
            }
        });
        assertThat(lost).as("commits missing from the file H2 opened after a kill right after them").isNotEmpty();
    }

    @Test
    void afterTheRepairEveryCommitThatReturnedIsInTheFile() throws IOException {
        List<String> lost = new ArrayList<>();
        int[] repaired = {0};
        commitAndCopy(COMMITS, (commit, copy) -> {
            if (H2HeaderRepair.pointAtNewestChunk(copy).isPresent()) {
                repaired[0]++;
            }
            long found = lastCommitIn(copy);
            if (found != commit) {
                lost.add(commit + " opened as " + found);
            }
        });
        assertThat(lost).isEmpty();
        assertThat(repaired[0]).as("copies whose header named an older chunk").isPositive();
    }

    @Test
    void aChunkTornByTheKillIsPassedOverForTheLastWholeOne() throws IOException {
        List<String> wrong = new ArrayList<>();
        commitAndCopy(60, (commit, copy) -> {
            tearNewestChunk(copy);
            H2HeaderRepair.pointAtNewestChunk(copy);
            long found = lastCommitIn(copy);
            if (found != commit - 1 && found != commit) {
                wrong.add(commit + " opened as " + found);
            }
        });
        assertThat(wrong).isEmpty();
    }

    @Test
    void aFileClosedCleanlyIsLeftAlone() throws IOException {
        Path file = dir.resolve("closed.mv.db");
        MVStore store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
        store.<Integer, String>openMap("data").put(-1, "1");
        store.commit();
        store.close();
        byte[] before = Files.readAllBytes(file);

        assertThat(H2HeaderRepair.pointAtNewestChunk(file)).isEmpty();
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void aFileOpenElsewhereIsLeftAlone() throws IOException {
        Path file = dir.resolve("open.mv.db");
        MVStore store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
        try {
            store.setRetentionTime(0);
            MVMap<Integer, String> map = store.openMap("data");
            for (int i = 0; i < 20; i++) {
                map.put(i % 3, "v" + i);
                store.commit();
            }
            assertThat(H2HeaderRepair.pointAtNewestChunk(file)).isEmpty();
        } finally {
            store.close();
        }
    }

    @Test
    void theFileOfAnH2UrlIsItsPathWithTheMvDbSuffix() {
        assertThat(H2HeaderRepair.fileOf("jdbc:h2:file:/data/center;WRITE_DELAY=0;LOCK_TIMEOUT=20000"))
                .contains(Path.of("/data/center.mv.db"));
        assertThat(H2HeaderRepair.fileOf("jdbc:h2:./center")).contains(Path.of("./center.mv.db"));
        assertThat(H2HeaderRepair.fileOf("jdbc:h2:~/center")).contains(Path.of(System.getProperty("user.home") + "/center.mv.db"));
        assertThat(H2HeaderRepair.fileOf("jdbc:h2:mem:test;DB_CLOSE_DELAY=-1")).isEmpty();
        assertThat(H2HeaderRepair.fileOf("jdbc:h2:tcp://host/center")).isEmpty();
        assertThat(H2HeaderRepair.fileOf("jdbc:postgresql://host/center")).isEmpty();
    }

    private interface AfterCommit {
        void check(int commit, Path copy) throws IOException;
    }

    /**
     * {@code commits} commits on a store that reuses freed space at once (H2 waits 45 s; the center's file has reused
     * space after that), each followed by a copy of the file as it is on disk, handed to {@code afterCommit}.
     */
    private void commitAndCopy(int commits, AfterCommit afterCommit) throws IOException {
        Path file = dir.resolve("store.mv.db");
        Path copy = dir.resolve("killed.mv.db");
        MVStore store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
        try {
            store.setRetentionTime(0);
            store.setVersionsToKeep(0);
            MVMap<Integer, String> map = store.openMap("data");
            for (int commit = 1; commit <= commits; commit++) {
                map.put(commit % 40, "v".repeat(300) + commit);
                map.put(-1, Integer.toString(commit));
                store.commit();
                Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
                afterCommit.check(commit, copy);
            }
        } finally {
            store.closeImmediately();
        }
    }

    private static long lastCommitIn(Path file) {
        MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open();
        try {
            String last = store.<Integer, String>openMap("data").get(-1);
            return last == null ? 0 : Long.parseLong(last);
        } finally {
            store.closeImmediately();
        }
    }

    /** Zeroes the last block of the chunk written last, as a write cut short by SIGKILL leaves it. */
    private static void tearNewestChunk(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long newestEnd = -1;
            long newestVersion = -1;
            long blocks = channel.size() / 4096;
            for (long block = 2; block < blocks; block++) {
                ByteBuffer head = ByteBuffer.allocate(1024);
                channel.read(head, block * 4096);
                String text = new String(head.array(), java.nio.charset.StandardCharsets.ISO_8859_1);
                if (text.startsWith("chunk:") && text.indexOf('\n') > 0) {
                    var m = org.h2.mvstore.DataUtils.parseMap(text.substring(0, text.indexOf('\n')).trim());
                    long version = Long.parseLong(m.get("version"), 16);
                    if (version > newestVersion) {
                        newestVersion = version;
                        newestEnd = block + Long.parseLong(m.get("len"), 16);
                    }
                }
            }
            channel.write(ByteBuffer.allocate(4096), (newestEnd - 1) * 4096);
        }
    }
}
