package dev.tessera.reports;

import java.util.Objects;

/** The progress listener and the cancel flag of one report job. */
public record ReportJob(Progress progress, Cancellation cancellation) {
    public ReportJob {
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(cancellation, "cancellation");
    }

    /** A job nobody watches or cancels. */
    public static ReportJob unattended() {
        return new ReportJob(Progress.NONE, new Cancellation());
    }

    public static ReportJob of(Progress progress, Cancellation cancellation) {
        return new ReportJob(progress, cancellation);
    }
}
