package dev.tessera.reports;

/** A flag a UI sets to stop a report job; the job checks it between rows and pages. */
public final class Cancellation {
    private volatile boolean cancelled;

    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    public void throwIfCancelled() {
        if (cancelled) {
            throw new ReportCancelledException();
        }
    }
}
