package dev.tessera.reports;

/**
 * A report could not be made. The message is a sentence a manager or clerk can read; the cause
 * carries the detail for the log.
 */
public class ReportException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ReportException(String message) {
        super(message);
    }

    public ReportException(String message, Throwable cause) {
        super(message, cause);
    }
}
