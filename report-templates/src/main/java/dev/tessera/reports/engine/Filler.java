package dev.tessera.reports.engine;

import dev.tessera.reports.ReportCancelledException;
import dev.tessera.reports.ReportException;
import dev.tessera.reports.ReportOptions;
import java.util.HashMap;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TimeZone;
import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;

/** Fills a compiled template with the report's language, time zone and labels. */
public final class Filler {
    static final String BUNDLE = "dev.tessera.reports.i18n.reports";

    private Filler() {}

    public static JasperPrint fill(String template, Map<String, Object> parameters, JRDataSource rows,
                                   ReportOptions options) {
        Map<String, Object> all = new HashMap<>(parameters);
        all.put(JRParameter.REPORT_LOCALE, options.locale());
        all.put(JRParameter.REPORT_TIME_ZONE, TimeZone.getTimeZone(options.zone()));
        all.put(JRParameter.REPORT_RESOURCE_BUNDLE, labels(options));
        try {
            return JasperFillManager.getInstance(Jasper.context()).fill(Templates.get(template), all, rows);
        } catch (JRException | RuntimeException e) {
            throw rethrow(template, e);
        }
    }

    public static ResourceBundle labels(ReportOptions options) {
        return ResourceBundle.getBundle(BUNDLE, options.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** Jasper wraps what a data source throws; a cancel must reach the caller as a cancel. */
    private static RuntimeException rethrow(String template, Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ReportCancelledException cancelled) {
                return cancelled;
            }
            if (t instanceof ReportException typed) {
                return typed;
            }
        }
        return new ReportException("The " + template + " report could not be made from the data.", e);
    }
}
