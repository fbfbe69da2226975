package dev.tessera.center.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * A test's child JVM (the standalone center, a counter that is killed, a cluster instance) on the test's class path,
 * started faster from the second child on: the first child of a main class that ends by itself or by SIGTERM leaves
 * a dynamic class-data archive (AppCDS) that the later children of that main class map instead of loading and
 * verifying their classes again (3.5 s to the center's "listening" line without, 2.0 s with, on the 2-core machine).
 *
 * <p>An archive takes only classes from jars, so the class path's directories (the module's own {@code target/classes}
 * and {@code target/test-classes}) are given to children as jars made of them once per test JVM. The archive is written
 * under another name and moved in place when its child has ended, so no child ever maps a half-written file; a child
 * killed with SIGKILL writes none, and the next child makes it. The JVM checks an archive against the class path and
 * ignores one that does not match; its CDS log lines are switched off so a child's console shows only its own output.
 * Everything lives in {@code target/child-jvm}, emptied by the first child of each test JVM.
 *
 * <p>Children compile with C1 only and collect with the serial collector: they live seconds to a minute, and on the
 * 2-core machine C2's compiler threads and the parallel collector's cost more than they save (a standalone center's
 * start to "ready" with its demo: 10.5-11.6 s of CPU with the defaults, 5.6-5.7 s so).
 */
public final class ChildJvm {
    private static final Path HOME = Path.of("target", "child-jvm").toAbsolutePath();
    private static final List<String> QUIET_CDS = List.of("-Xlog:cds*=off", "-Xlog:aot*=off");
    private static final List<String> SHORT_LIVED = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    private static String classPath;

    private ChildJvm() {}

    /**
     * Starts {@code java [jvmOptions] -cp <the test class path> mainClass [args]}; {@code setUp} adds redirections
     * and environment before the start.
     */
    public static Process start(Class<?> mainClass, List<String> jvmOptions, List<String> args,
                                Consumer<ProcessBuilder> setUp) {
        String cp = classPath();
        Path archive = HOME.resolve(mainClass.getSimpleName() + "-" + Integer.toHexString(cp.hashCode()) + ".jsa");
        Path training = HOME.resolve(archive.getFileName() + ".training");
        Path written = HOME.resolve(archive.getFileName() + ".written");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--sun-misc-unsafe-memory-access=allow"));
        command.addAll(SHORT_LIVED);
        boolean trains = false;
        if (Files.isRegularFile(archive)) {
            command.add("-XX:SharedArchiveFile=" + archive);
            command.addAll(QUIET_CDS);
        } else if (claim(training)) {
            trains = true;
            command.add("-XX:ArchiveClassesAtExit=" + written);
            command.addAll(QUIET_CDS);
        }
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", cp, mainClass.getName()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        setUp.accept(builder);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            release(training);
            throw new UncheckedIOException("could not start a JVM for " + mainClass.getSimpleName(), e);
        }
        if (trains) {
            process.onExit().thenRun(() -> {
                try {
                    if (Files.isRegularFile(written) && Files.size(written) > 0) {
                        Files.move(written, archive, StandardCopyOption.ATOMIC_MOVE);
                    }
                } catch (IOException e) {
                    // no archive: the children after it start without one, as all did before
                } finally {
                    release(training);
                }
            });
        }
        return process;
    }

    private static boolean claim(Path training) {
        try {
            Files.createFile(training);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    private static void release(Path training) {
        try {
            Files.deleteIfExists(training);
        } catch (IOException e) {
            // the next test JVM empties the folder
        }
    }

    /** The test's class path with each non-empty directory replaced by a jar of it, made once per test JVM. */
    static synchronized String classPath() {
        if (classPath == null) {
            try {
                empty(HOME);
                Files.createDirectories(HOME);
                List<String> entries = new ArrayList<>();
                int n = 0;
                for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
                    Path path = Path.of(entry);
                    if (Files.isDirectory(path) && !isEmpty(path)) {
                        Path jar = HOME.resolve("classes-" + (n++) + "-" + HexFormat.of().toHexDigits(entry.hashCode())
                                + ".jar");
                        jarOf(path, jar);
                        entries.add(jar.toString());
                    } else {
                        entries.add(entry);
                    }
                }
                classPath = String.join(java.io.File.pathSeparator, entries);
            } catch (IOException e) {
                throw new UncheckedIOException("could not prepare the class path of the test's child JVMs", e);
            }
        }
        return classPath;
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.findAny().isEmpty();
        }
    }

    private static void jarOf(Path dir, Path jar) throws IOException {
        Path partial = jar.resolveSibling(jar.getFileName() + ".partial");
        try (OutputStream file = Files.newOutputStream(partial); JarOutputStream out = new JarOutputStream(file);
             Stream<Path> tree = Files.walk(dir)) {
            out.setLevel(1);
            for (Path p : (Iterable<Path>) tree.sorted()::iterator) {
                if (p.equals(dir)) {
                    continue;
                }
                String name = dir.relativize(p).toString().replace(java.io.File.separatorChar, '/');
                if (Files.isDirectory(p)) {
                    out.putNextEntry(new JarEntry(name + "/"));
                } else {
                    out.putNextEntry(new JarEntry(name));
                    Files.copy(p, out);
                }
                out.closeEntry();
            }
        }
        Files.move(partial, jar, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void empty(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) tree.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
