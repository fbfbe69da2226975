package dev.tessera.reports.print;

import dev.tessera.reports.Progress;
import dev.tessera.reports.ReportException;
import dev.tessera.reports.ReportJob;
import dev.tessera.reports.engine.Jasper;
import dev.tessera.reports.export.Exporter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javax.print.DocFlavor;
import javax.print.PrintService;
import javax.print.PrintServiceLookup;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.export.JRPrintServiceExporter;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimplePrintServiceExporterConfiguration;

/**
 * Prints a filled report through {@code javax.print} on the printer the user chose, or saves it as
 * a PDF when the machine has no printer at all (a counter PC without a driver still gets a file).
 */
public final class ReportPrinter {
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    public record Printer(String name, boolean isDefault) {}

    /** What happened to a print request. */
    public sealed interface Outcome permits Printed, SavedAsPdf {}

    public record Printed(String printer, int pages) implements Outcome {}

    public record SavedAsPdf(Path file) implements Outcome {}

    private final Supplier<List<PrintService>> services;
    private final Supplier<Optional<PrintService>> defaultService;

    public ReportPrinter(Supplier<List<PrintService>> services, Supplier<Optional<PrintService>> defaultService) {
        this.services = services;
        this.defaultService = defaultService;
    }

    /** The printers the operating system offers (CUPS on Linux and macOS, the spooler on Windows). */
    public static ReportPrinter system() {
        return new ReportPrinter(
                () -> Arrays.asList(PrintServiceLookup.lookupPrintServices(DocFlavor.SERVICE_FORMATTED.PAGEABLE, null)),
                () -> Optional.ofNullable(PrintServiceLookup.lookupDefaultPrintService()));
    }

    public List<Printer> printers() {
        String preferred = defaultService.get().map(PrintService::getName).orElse(null);
        return services.get().stream().map(s -> new Printer(s.getName(), s.getName().equals(preferred))).toList();
    }

    /**
     * Prints on {@code printerName}, or on the default printer when it is null. With no printer on
     * the machine the report goes to a PDF in {@code fallbackDirectory} instead.
     */
    public Outcome print(JasperPrint print, String printerName, Path fallbackDirectory, ReportJob job) {
        Objects.requireNonNull(fallbackDirectory, "fallbackDirectory");
        List<PrintService> available = services.get();
        if (available.isEmpty()) {
            return saveAsPdf(print, fallbackDirectory, job);
        }
        PrintService service = choose(available, printerName);
        JRPrintServiceExporter exporter = new JRPrintServiceExporter(Jasper.context());
        exporter.setExporterInput(new SimpleExporterInput(print));
        SimplePrintServiceExporterConfiguration configuration = new SimplePrintServiceExporterConfiguration();
        configuration.setPrintService(service);
        configuration.setDisplayPageDialog(false);
        configuration.setDisplayPrintDialog(false);
        exporter.setConfiguration(configuration);
        job.cancellation().throwIfCancelled();
        try {
            exporter.exportReport();
        } catch (JRException | RuntimeException e) {
            throw new ReportException("The printer " + service.getName() + " did not take the report.", e);
        }
        int pages = print.getPages().size();
        job.progress().update(Progress.Stage.PRINT, pages, pages);
        return new Printed(service.getName(), pages);
    }

    private PrintService choose(List<PrintService> available, String printerName) {
        if (printerName == null) {
            return defaultService.get().filter(available::contains).orElse(available.getFirst());
        }
        return available.stream().filter(s -> s.getName().equals(printerName)).findFirst()
                .orElseThrow(() -> new ReportException("The printer " + printerName + " is not available."));
    }

    private static SavedAsPdf saveAsPdf(JasperPrint print, Path directory, ReportJob job) {
        String base = (print.getName() == null ? "report" : print.getName()).replaceAll("[^A-Za-z0-9._-]", "_");
        try {
            Files.createDirectories(directory);
            Path file = directory.resolve(base + "-" + LocalDateTime.now().format(FILE_TIME) + ".pdf");
            try (OutputStream out = Files.newOutputStream(file)) {
                Exporter.pdf(print, out, job);
            }
            return new SavedAsPdf(file);
        } catch (IOException e) {
            throw new ReportException("No printer is installed, and the PDF could not be saved in " + directory + ".", e);
        }
    }
}
