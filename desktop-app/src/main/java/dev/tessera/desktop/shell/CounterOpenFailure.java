package dev.tessera.desktop.shell;

import dev.tessera.desktop.ui.ErrorMessages;
import dev.tessera.desktop.ui.H2Errors;
import dev.tessera.desktop.ui.Message;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.api.ErrorCode;

/** Why a seller's counter could not open this terminal's ledger, in words a clerk acts on; the log keeps the rest. */
final class CounterOpenFailure {
    private CounterOpenFailure() {}

    static Message describe(Throwable failure, Path dataDir) {
        Path ledger = dataDir.resolve("ledger.mv.db").toAbsolutePath();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            int code = H2Errors.code(t);
            if (code == ErrorCode.DATABASE_ALREADY_OPEN_1) {
                return Message.of("counter.error.ledgerInUse", ledger);
            }
            if (code == ErrorCode.FILE_CORRUPTED_1 || code == ErrorCode.FILE_VERSION_ERROR_1
                    // a file H2 can read and write but not open as a store: too short, or not H2's at all
                    || code == ErrorCode.IO_EXCEPTION_1 && Files.isReadable(ledger) && Files.isWritable(ledger)) {
                return Message.of("counter.error.ledgerDamaged", ledger);
            }
            if (code == ErrorCode.IO_EXCEPTION_1 || t instanceof AccessDeniedException || t instanceof FileSystemException) {
                return Message.of("counter.error.ledgerFolder", dataDir.toAbsolutePath());
            }
        }
        return Message.of("counter.openFailed", ErrorMessages.rootCause(failure));
    }
}
