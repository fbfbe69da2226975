package dev.tessera.desktop.shell;

import dev.tessera.desktop.ui.ErrorMessages;
import dev.tessera.desktop.ui.Message;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Why a seller's counter could not open this terminal's ledger, in words a clerk acts on; the log keeps the rest. */
final class CounterOpenFailure {
    /** H2's error codes: another process has the file open; input/output failed; damaged; written by a newer H2. */
    private static final int H2_DATABASE_ALREADY_OPEN = 90020;
    private static final int H2_IO_EXCEPTION = 90028;
    private static final int H2_FILE_CORRUPTED = 90030;
    private static final int H2_FILE_VERSION = 90048;
    /** H2 ends its messages with {@code [code-build]}, also where the store's errors are not SQLExceptions. */
    private static final Pattern H2_CODE = Pattern.compile("\\[(9\\d{4})-\\d+]");

    private CounterOpenFailure() {}

    static Message describe(Throwable failure, Path dataDir) {
        Path ledger = dataDir.resolve("ledger.mv.db").toAbsolutePath();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            int code = t instanceof SQLException sql && sql.getErrorCode() != 0 ? sql.getErrorCode() : h2Code(t);
            if (code == H2_DATABASE_ALREADY_OPEN) {
                return Message.of("counter.error.ledgerInUse", ledger);
            }
            if (code == H2_FILE_CORRUPTED || code == H2_FILE_VERSION
                    // a file H2 can read and write but not open as a store: too short, or not H2's at all
                    || code == H2_IO_EXCEPTION && Files.isReadable(ledger) && Files.isWritable(ledger)) {
                return Message.of("counter.error.ledgerDamaged", ledger);
            }
            if (code == H2_IO_EXCEPTION || t instanceof AccessDeniedException || t instanceof FileSystemException) {
                return Message.of("counter.error.ledgerFolder", dataDir.toAbsolutePath());
            }
        }
        return Message.of("counter.openFailed", ErrorMessages.rootCause(failure));
    }

    private static int h2Code(Throwable t) {
        Matcher m = H2_CODE.matcher(String.valueOf(t.getMessage()));
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }
}
