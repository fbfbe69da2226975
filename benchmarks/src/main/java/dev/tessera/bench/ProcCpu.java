package dev.tessera.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * CPU time of processes from Linux's procfs, so that a benchmark can say where a sale's CPU went on the machine: the
 * center's JVM, the load generator's JVM, PostgreSQL's server processes, and everything else that ran.
 *
 * <p>Times are in nanoseconds, read from {@code /proc/<pid>/stat} (utime, stime, cutime, cstime in clock ticks of
 * {@code 1/100} s, the kernel's USER_HZ on Linux). A PostgreSQL backend that ends is reaped by the postmaster, so the
 * server's total is the postmaster's own and reaped children's time plus the time of the children alive now.
 */
final class ProcCpu {
    /** USER_HZ: Linux reports times in /proc in hundredths of a second on every architecture it runs on. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private ProcCpu() {}

    /** Whether procfs can be read here (Linux). */
    static boolean available() {
        return Files.isReadable(Path.of("/proc/self/stat"));
    }

    /** The process's own CPU time (user + system), or -1 when it cannot be read. */
    static long process(long pid) {
        long[] t = ticks(pid);
        return t == null ? -1 : (t[0] + t[1]) * NANOS_PER_TICK;
    }

    /** The CPU time of the children this process has waited for (a pgbench run once it ended), or -1. */
    static long reapedChildrenOfSelf() {
        long[] t = ticks(ProcessHandle.current().pid());
        return t == null ? -1 : (t[2] + t[3]) * NANOS_PER_TICK;
    }

    /**
     * A server and its children: the process's own time, its reaped children's, and the time of every child alive
     * now (PostgreSQL's postmaster and its backends, checkpointer, WAL writer ...), or -1.
     */
    static long tree(long pid) {
        long[] own = ticks(pid);
        if (own == null) {
            return -1;
        }
        long total = own[0] + own[1] + own[2] + own[3];
        for (ProcessHandle child : ProcessHandle.of(pid).map(h -> h.children().toList()).orElse(List.of())) {
            long[] t = ticks(child.pid());
            if (t != null) {
                total += t[0] + t[1];
            }
        }
        return total * NANOS_PER_TICK;
    }

    /** The whole machine's busy CPU time (every core; all but idle and iowait), from /proc/stat, or -1. */
    static long machineBusy() {
        try {
            String first = Files.readAllLines(Path.of("/proc/stat")).getFirst();
            String[] f = first.trim().split("\\s+");
            long busy = 0;
            // cpu user nice system idle iowait irq softirq steal guest guest_nice; guest time is inside user already
            for (int i = 1; i <= 8 && i < f.length; i++) {
                if (i != 4 && i != 5) {
                    busy += Long.parseLong(f[i]);
                }
            }
            return busy * NANOS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** utime, stime, cutime, cstime of a process, or null when it is gone or procfs is absent. */
    private static long[] ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the command name is in parentheses and may hold spaces: the fields start after the last ')'
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
            // f[0] is field 3 (state); utime is field 14, stime 15, cutime 16, cstime 17
            return new long[] {Long.parseLong(f[11]), Long.parseLong(f[12]), Long.parseLong(f[13]), Long.parseLong(f[14])};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
