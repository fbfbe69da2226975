package dev.tessera.reports.engine;

import dev.tessera.reports.ReportException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.util.JRLoader;

/** The templates compiled at build time ({@code TemplateCompiler}), loaded once from the class path. */
public final class Templates {
    static final String LOCATION = "/dev/tessera/reports/templates/";
    private static final Map<String, JasperReport> CACHE = new ConcurrentHashMap<>();

    private Templates() {}

    public static JasperReport get(String name) {
        return CACHE.computeIfAbsent(name, Templates::load);
    }

    private static JasperReport load(String name) {
        String resource = LOCATION + name + ".jasper";
        try (InputStream in = Templates.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new ReportException("The report template " + name + " is missing from this build.");
            }
            return (JasperReport) JRLoader.loadObject(in);
        } catch (IOException | JRException e) {
            throw new ReportException("The report template " + name + " could not be loaded.", e);
        }
    }
}
