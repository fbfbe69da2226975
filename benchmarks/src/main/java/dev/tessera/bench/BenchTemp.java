package dev.tessera.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The temporary folders and files of a benchmark run, deleted when its JVM exits (normally, by an exception or by
 * Ctrl+C) if the benchmark has not deleted them sooner: one run of the center benchmark alone leaves a 3-5 GB H2 file,
 * and runs that kept theirs filled the disk of the machine they ran on.
 */
public final class BenchTemp {
    private static final List<Path> CREATED = new CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(BenchTemp::deleteAll, "bench-temp-cleanup"));
    }

    private BenchTemp() {}

    /** A new empty folder under the system's temporary folder, named {@code prefix…}. */
    public static Path dir(String prefix) throws IOException {
        Path dir = Files.createTempDirectory(prefix);
        CREATED.add(dir);
        return dir;
    }

    /** A new empty file under the system's temporary folder, named {@code prefix…suffix}. */
    public static Path file(String prefix, String suffix) throws IOException {
        Path file = Files.createTempFile(prefix, suffix);
        CREATED.add(file);
        return file;
    }

    /** Deletes {@code path} and everything under it now; nothing when it is gone already. */
    public static void delete(Path path) {
        try (var paths = Files.walk(path)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (NoSuchFileException gone) {
            // deleted already
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CREATED.remove(path);
    }

    private static void deleteAll() {
        for (Path path : CREATED) {
            try {
                delete(path);
            } catch (UncheckedIOException e) {
                System.err.println("could not delete the benchmark's temporary " + path + ": " + e.getCause());
            }
        }
    }
}
