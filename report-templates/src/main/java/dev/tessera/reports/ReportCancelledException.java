package dev.tessera.reports;

/** The user cancelled a fill, export or print before it finished; nothing half-made was returned. */
public final class ReportCancelledException extends ReportException {
    private static final long serialVersionUID = 1L;

    public ReportCancelledException() {
        super("The report was cancelled.");
    }
}
