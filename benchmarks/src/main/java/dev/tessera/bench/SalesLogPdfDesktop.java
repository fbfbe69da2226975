package dev.tessera.bench;

import dev.tessera.desktop.center.CenterClient;
import dev.tessera.desktop.center.CenterSession;
import dev.tessera.desktop.manager.ReportFilters;
import dev.tessera.desktop.manager.ReportKind;
import dev.tessera.desktop.manager.ReportSource;
import dev.tessera.reports.ReportJob;
import dev.tessera.reports.ReportOptions;
import dev.tessera.reports.export.Exporter;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import net.sf.jasperreports.engine.JasperPrint;

/**
 * The manager's desktop side of {@link SalesLogPdfBenchmark} in a JVM of its own (issue 13): signs in to the
 * center at {@code args[0]}, makes the whole sales log with {@link ReportSource} and writes it as PDF into
 * {@code args[1]}, after a warm-up of one day of the log and then {@code args[2]} prints of the whole log (default 0),
 * the way a running desktop has made its reports before. Prints a {@code FIRST} line for the first print of the whole
 * log (seconds, this JVM's CPU and its JIT compilers' time in it) when there were warm prints, and one {@code RESULT}
 * line for the print measured: seconds in all, for the API and fill, for the export, pages, bytes, the peak heap of
 * this JVM's heap pools (memory pool MXBeans, reset before it), so the figure is the desktop's alone, and its CPU and
 * JIT time.
 */
public final class SalesLogPdfDesktop {
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    /** Printed when the measured run starts and ends, so the center's JVM can read its own CPU over it. */
    static final String WINDOW_START = "WINDOW START", WINDOW_END = "WINDOW END";
    /** Starts the line of the first print of the whole log: seconds, CPU seconds, JIT seconds. */
    static final String FIRST = "FIRST";

    /** The first print of the whole log in this JVM, when it was not the one measured. */
    record FirstPrint(double seconds, double cpuSeconds, double jitSeconds) {
        static java.util.Optional<FirstPrint> parse(String output) {
            return output.lines().filter(l -> l.startsWith(FIRST + " ")).findFirst().map(l -> l.split(" "))
                    .map(v -> new FirstPrint(Double.parseDouble(v[1]), Double.parseDouble(v[2]),
                            Double.parseDouble(v[3])));
        }
    }

    private SalesLogPdfDesktop() {}

    /**
     * What the run printed; {@code cpuSeconds} is this JVM's CPU over the measured run and {@code jitSeconds} the time
     * its JIT compilers spent in it (CompilationMXBean: their elapsed time, an upper bound of their CPU).
     */
    record Result(double seconds, double fillSeconds, double exportSeconds, int pages, long bytes, long peakHeapBytes,
                  double cpuSeconds, double jitSeconds) {
        String line() {
            return "RESULT " + seconds + " " + fillSeconds + " " + exportSeconds + " " + pages + " " + bytes + " "
                    + peakHeapBytes + " " + cpuSeconds + " " + jitSeconds;
        }

        static Result parse(String output) {
            String line = output.lines().filter(l -> l.startsWith("RESULT ")).reduce((a, b) -> b)
                    .orElseThrow(() -> new IllegalStateException("the desktop side printed no result:\n" + output));
            String[] v = line.split(" ");
            return new Result(Double.parseDouble(v[1]), Double.parseDouble(v[2]), Double.parseDouble(v[3]),
                    Integer.parseInt(v[4]), Long.parseLong(v[5]), Long.parseLong(v[6]), Double.parseDouble(v[7]),
                    Double.parseDouble(v[8]));
        }
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]);
        try (CenterClient client = new CenterClient(URI.create(args[0]))) {
            CenterSession manager = client.signIn("manager", "manager-demo");
            ReportSource source = new ReportSource(manager);
            ReportOptions options = ReportOptions.of(Locale.ENGLISH, TOKYO);
            // warm-up: one day of the log, then the whole log as often as asked, so the figure is a running desktop's
            LocalDate first = LocalDate.of(2026, 11, 1);
            produce(source, new ReportFilters(ReportKind.SALES_LOG, null, null, first, first, null), options,
                    dir.resolve("warm-up.pdf"));
            int warmPrints = args.length > 2 ? Integer.parseInt(args[2]) : 0;
            for (int i = 0; i < warmPrints; i++) {
                Timed print = wholeLog(source, options, dir.resolve("sales-log.pdf"));
                if (i == 0) {
                    System.out.println(FIRST + " " + print.seconds() + " " + print.cpuSeconds() + " " + print.jitSeconds());
                }
            }
            System.gc();
            heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
            System.out.println(WINDOW_START);
            System.out.flush();
            Timed measured = wholeLog(source, options, dir.resolve("sales-log.pdf"));
            System.out.println(WINDOW_END);
            System.out.flush();
            long peak = heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            double[] phases = measured.phases();
            System.out.println(new Result(measured.seconds(), phases[0], phases[1], (int) phases[2],
                    Files.size(dir.resolve("sales-log.pdf")), peak, measured.cpuSeconds(), measured.jitSeconds()).line());
        }
    }

    /** A print of the whole log: seconds in all, its {@link #produce} phases, this JVM's CPU and JIT seconds in it. */
    private record Timed(double seconds, double[] phases, double cpuSeconds, double jitSeconds) {}

    private static Timed wholeLog(ReportSource source, ReportOptions options, Path out) throws Exception {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        var jit = ManagementFactory.getCompilationMXBean();
        long cpu = os.getProcessCpuTime();
        long compiling = jit.getTotalCompilationTime();
        long start = System.nanoTime();
        double[] phases = produce(source, new ReportFilters(ReportKind.SALES_LOG, null, null, null, null, null),
                options, out);
        return new Timed((System.nanoTime() - start) / 1e9, phases, (os.getProcessCpuTime() - cpu) / 1e9,
                (jit.getTotalCompilationTime() - compiling) / 1e3);
    }

    /** API + fill seconds, export seconds and pages. */
    private static double[] produce(ReportSource source, ReportFilters filters, ReportOptions options, Path out)
            throws Exception {
        long start = System.nanoTime();
        JasperPrint print = source.generate(filters, options, ReportJob.unattended()).print();
        long filled = System.nanoTime();
        try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
            Exporter.pdf(print, stream);
        }
        long exported = System.nanoTime();
        return new double[] {(filled - start) / 1e9, (exported - filled) / 1e9, print.getPages().size()};
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
    }
}
