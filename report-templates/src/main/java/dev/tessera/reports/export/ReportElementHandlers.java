package dev.tessera.reports.export;

import dev.tessera.reports.saleslog.SalesLogRow;
import net.sf.jasperreports.engine.JRPropertiesMap;
import net.sf.jasperreports.engine.export.GenericElementHandler;
import net.sf.jasperreports.engine.export.GenericElementHandlerBundle;
import net.sf.jasperreports.engine.export.JRGraphics2DExporter;
import net.sf.jasperreports.extensions.ExtensionsRegistry;
import net.sf.jasperreports.extensions.ExtensionsRegistryFactory;
import net.sf.jasperreports.extensions.SingletonExtensionRegistry;

/**
 * The drawing of Tessera's own print elements for Jasper's exporters that find it by extension (named in
 * {@code jasperreports_extension.properties}): the sales-log row on a Graphics2D page (preview, printing). The PDF
 * exporter of {@link Exporter} draws it itself; CSV and XLSX are written from the rows by {@link SalesLogTable}.
 */
public final class ReportElementHandlers implements ExtensionsRegistryFactory, GenericElementHandlerBundle {
    private static final SalesLogRowGraphics2D ROW_ON_GRAPHICS = new SalesLogRowGraphics2D();

    @Override
    public ExtensionsRegistry createRegistry(String registryId, JRPropertiesMap properties) {
        return new SingletonExtensionRegistry<>(GenericElementHandlerBundle.class, this);
    }

    @Override
    public String getNamespace() {
        return SalesLogRow.TYPE.getNamespace();
    }

    @Override
    public GenericElementHandler getHandler(String elementName, String exporterKey) {
        return SalesLogRow.TYPE.getName().equals(elementName)
                && JRGraphics2DExporter.GRAPHICS2D_EXPORTER_KEY.equals(exporterKey) ? ROW_ON_GRAPHICS : null;
    }
}
