package dev.tessera.desktop.manager;

import java.util.List;
import net.sf.jasperreports.engine.JasperPrint;

/** A filled report and the sales figures of its scope. */
public record GeneratedReport(ReportKind kind, JasperPrint print, List<SalesTotals> totals) {
    public GeneratedReport {
        totals = List.copyOf(totals);
    }
}
