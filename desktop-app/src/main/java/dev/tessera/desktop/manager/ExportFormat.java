package dev.tessera.desktop.manager;

import dev.tessera.reports.ReportJob;
import dev.tessera.reports.export.Exporter;
import java.io.OutputStream;
import net.sf.jasperreports.engine.JasperPrint;

/** The files a report exports to. */
public enum ExportFormat {
    PDF("pdf"),
    XLSX("xlsx"),
    CSV("csv");

    private final String extension;

    ExportFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    void write(JasperPrint print, OutputStream out, ReportJob job) {
        switch (this) {
            case PDF -> Exporter.pdf(print, out, job);
            case XLSX -> Exporter.xlsx(print, out, job);
            case CSV -> Exporter.csv(print, out, job);
        }
    }
}
