package dev.tessera.client;

/**
 * The center refused a request with an RFC 9457 problem document; {@link #getMessage()} is its
 * {@code detail}, the sentence the center wrote for the person at the counter.
 */
public final class CenterProblemException extends CenterException {
    private static final long serialVersionUID = 1L;
    private static final String TYPE_BASE = "https://tessera.dev/problems/";

    private final int status;
    private final String type;
    private final String title;

    public CenterProblemException(int status, String type, String title, String detail) {
        super(detail, null);
        this.status = status;
        this.type = type;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    /** The last part of the problem type, e.g. {@code too-many-attempts}. */
    public String kind() {
        return type != null && type.startsWith(TYPE_BASE) ? type.substring(TYPE_BASE.length()) : "";
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }
}
