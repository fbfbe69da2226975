package dev.tessera.desktop.manager;

import dev.tessera.contract.account.Account;
import dev.tessera.desktop.center.CenterApiTypes.EventInfo;
import java.time.LocalDate;

/** What the manager asked for: a report and its scope; a null filter means "all". */
public record ReportFilters(ReportKind kind, EventInfo event, Account seller, LocalDate from, LocalDate to,
                            String payment) {
    public ReportFilters {
        if (kind == null) {
            throw new IllegalArgumentException("a report kind is required");
        }
    }
}
