package dev.tessera.desktop.manager;

/** The reports a manager makes (issue 5; claims 75, 88). */
public enum ReportKind {
    SALES_LOG("manager.kind.salesLog"),
    SETTLEMENT("manager.kind.settlement"),
    OCCUPANCY("manager.kind.occupancy");

    private final String key;

    ReportKind(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
