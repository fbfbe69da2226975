package dev.tessera.reports.export;

import dev.tessera.reports.Progress;
import dev.tessera.reports.ReportCancelledException;
import dev.tessera.reports.ReportException;
import dev.tessera.reports.ReportJob;
import dev.tessera.reports.engine.Jasper;
import java.io.OutputStream;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.export.JRCsvMetadataExporter;
import net.sf.jasperreports.engine.export.JRExportProgressMonitor;
import net.sf.jasperreports.engine.export.ooxml.JRXlsxExporter;
import net.sf.jasperreports.export.SimpleCsvMetadataExporterConfiguration;
import net.sf.jasperreports.export.SimpleCsvMetadataReportConfiguration;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;
import net.sf.jasperreports.pdf.SimplePdfReportConfiguration;
import net.sf.jasperreports.export.SimpleWriterExporterOutput;
import net.sf.jasperreports.export.SimpleXlsxReportConfiguration;
import net.sf.jasperreports.pdf.JRPdfExporter;

/**
 * Writes a filled report as PDF (fonts embedded), XLSX (numbers as numeric cells) or CSV (one line
 * per detail row, the columns the template names; the sales log's rows as {@link SalesLogTable} writes them). The
 * caller owns and closes the stream.
 */
public final class Exporter {
    private Exporter() {}

    public static void pdf(JasperPrint print, OutputStream out) {
        pdf(print, out, ReportJob.unattended());
    }

    public static void pdf(JasperPrint print, OutputStream out, ReportJob job) {
        // issue 13: a plain one-line text is written straight into the page (OneLinePdfExporter)
        JRPdfExporter exporter = new OneLinePdfExporter(Jasper.context());
        exporter.setExporterInput(new SimpleExporterInput(print));
        exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
        SimplePdfReportConfiguration report = new SimplePdfReportConfiguration();
        report.setProgressMonitor(monitor(print, job));
        exporter.setConfiguration(report);
        SimplePdfExporterConfiguration pdf = new SimplePdfExporterConfiguration();
        pdf.setMetadataTitle(print.getName());
        pdf.setMetadataCreator("Tessera");
        pdf.setCompressed(true);
        exporter.setConfiguration(pdf);
        run("PDF", () -> exporter.exportReport());
    }

    public static void xlsx(JasperPrint print, OutputStream out) {
        xlsx(print, out, ReportJob.unattended());
    }

    public static void xlsx(JasperPrint print, OutputStream out, ReportJob job) {
        if (SalesLogTable.holds(print)) {
            run("XLSX", () -> table(() -> SalesLogTable.xlsx(print, out, job)));
            return;
        }
        JRXlsxExporter exporter = new JRXlsxExporter(Jasper.context());
        exporter.setExporterInput(new SimpleExporterInput(print));
        exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
        SimpleXlsxReportConfiguration report = new SimpleXlsxReportConfiguration();
        report.setOnePagePerSheet(false);
        report.setDetectCellType(true);
        report.setRemoveEmptySpaceBetweenRows(true);
        report.setRemoveEmptySpaceBetweenColumns(true);
        report.setWhitePageBackground(false);
        report.setIgnoreGraphics(false);
        report.setProgressMonitor(monitor(print, job));
        exporter.setConfiguration(report);
        run("XLSX", () -> exporter.exportReport());
    }

    public static void csv(JasperPrint print, OutputStream out) {
        csv(print, out, ReportJob.unattended());
    }

    public static void csv(JasperPrint print, OutputStream out, ReportJob job) {
        if (SalesLogTable.holds(print)) {
            run("CSV", () -> table(() -> SalesLogTable.csv(print, out, job)));
            return;
        }
        JRCsvMetadataExporter exporter = new JRCsvMetadataExporter(Jasper.context());
        exporter.setExporterInput(new SimpleExporterInput(print));
        exporter.setExporterOutput(new SimpleWriterExporterOutput(out, "UTF-8"));
        SimpleCsvMetadataReportConfiguration report = new SimpleCsvMetadataReportConfiguration();
        report.setProgressMonitor(monitor(print, job));
        report.setWriteHeader(true);
        exporter.setConfiguration(report);
        exporter.setConfiguration(new SimpleCsvMetadataExporterConfiguration());
        run("CSV", () -> exporter.exportReport());
    }

    static JRExportProgressMonitor monitor(JasperPrint print, ReportJob job) {
        int pages = print.getPages().size();
        int[] done = {0};
        return () -> {
            job.cancellation().throwIfCancelled();
            done[0]++;
            if (done[0] % 20 == 0 || done[0] == pages) {
                job.progress().update(Progress.Stage.EXPORT, done[0], pages);
            }
        };
    }

    interface TableExport {
        void run() throws java.io.IOException;
    }

    private static void table(TableExport export) throws JRException {
        try {
            export.run();
        } catch (java.io.IOException e) {
            throw new JRException(e);
        }
    }

    interface Export {
        void run() throws JRException;
    }

    static void run(String format, Export export) {
        try {
            export.run();
        } catch (JRException | RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof ReportCancelledException cancelled) {
                    throw cancelled;
                }
            }
            throw new ReportException("The report could not be written as " + format + ".", e);
        }
    }
}
