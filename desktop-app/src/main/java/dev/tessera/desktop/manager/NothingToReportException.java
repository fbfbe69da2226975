package dev.tessera.desktop.manager;

import dev.tessera.desktop.ui.Message;

/** The scope holds no data for the report; the manager reads why and what to change. */
final class NothingToReportException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Message reason;

    NothingToReportException(Message reason) {
        super(reason.key());
        this.reason = reason;
    }

    Message reason() {
        return reason;
    }
}
