package dev.tessera.core.seatmap;

/**
 * A seat-map file that cannot be read: malformed JSON, a field the format does not have or lacks,
 * a value of the wrong type, a newer format version or a broken rule of the model. The message is
 * meant for a person: {@code line 41, column 17 (/sections/0/rows/3/seats/7/category): unknown category "vip"; …}.
 */
public final class SeatMapFormatException extends Exception {
    private final String reason;
    private final String path;
    private final int line;
    private final int column;

    SeatMapFormatException(String reason, String path, int line, int column, Throwable cause) {
        super(format(reason, path, line, column), cause);
        this.reason = reason;
        this.path = path;
        this.line = line;
        this.column = column;
    }

    /** What is wrong, without the location. */
    public String reason() {
        return reason;
    }

    /**
     * Where in the document, as a JSON pointer (RFC 6901) such as {@code /sections/2/rows/0/seats/14/category};
     * empty for the document itself.
     */
    public String path() {
        return path;
    }

    /** The line of the offending token, from 1; 0 when the input could not be read at all. */
    public int line() {
        return line;
    }

    /** The column of the offending token, in characters from 1; 0 when the input could not be read at all. */
    public int column() {
        return column;
    }

    private static String format(String reason, String path, int line, int column) {
        StringBuilder message = new StringBuilder();
        if (line > 0) {
            message.append("line ").append(line).append(", column ").append(column);
        }
        if (!path.isEmpty()) {
            message.append(message.isEmpty() ? "" : " ").append('(').append(path).append(')');
        }
        return message.append(message.isEmpty() ? "" : ": ").append(reason).toString();
    }
}
