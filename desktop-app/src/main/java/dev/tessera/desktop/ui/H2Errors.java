package dev.tessera.desktop.ui;

import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * H2's error code of one link of a failure's cause chain ({@link org.h2.api.ErrorCode}): the terminal's ledger and the
 * embedded center are H2 files, and the words a clerk reads depend on which error H2 gave (another window has the file
 * open, the file is damaged, the folder cannot be written).
 */
public final class H2Errors {
    /** H2 ends its messages with {@code [code-build]}, also where the store's errors are not SQLExceptions. */
    private static final Pattern CODE = Pattern.compile("\\[(9\\d{4})-\\d+]");

    private H2Errors() {}

    /** The H2 error code {@code t} carries (an SQLException's own, else the one at its message's end), or 0. */
    public static int code(Throwable t) {
        if (t instanceof SQLException sql && sql.getErrorCode() != 0) {
            return sql.getErrorCode();
        }
        Matcher m = CODE.matcher(String.valueOf(t.getMessage()));
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }
}
