package dev.tessera.desktop.startup;

import dev.tessera.client.CenterException;
import dev.tessera.client.CenterUnreachableException;
import dev.tessera.desktop.ui.ErrorMessages;
import dev.tessera.desktop.ui.Message;
import java.net.BindException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.sql.SQLException;

/** Puts a startup failure into words a clerk can act on; the log keeps the stack trace. */
public final class StartupFailure {
    /** H2's error code when another process has the database file open. */
    private static final int H2_DATABASE_ALREADY_OPEN = 90020;

    private StartupFailure() {}

    public static Message describe(Throwable failure, StartupSettings settings) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && (sql.getErrorCode() == H2_DATABASE_ALREADY_OPEN
                    || String.valueOf(sql.getMessage()).contains("already in use"))) {
                return Message.of("startup.error.inUse", settings.dataDir());
            }
            if (t instanceof AccessDeniedException || t instanceof FileSystemException) {
                return Message.of("startup.error.dataFolder", settings.dataDir());
            }
            if (t instanceof CenterUnreachableException unreachable) {
                return Message.of("startup.error.unreachable", unreachable.center());
            }
            if (t instanceof CenterException center) {
                return Message.of("startup.error.center", center.getMessage());
            }
            if (t instanceof BindException) {
                return Message.of("startup.error.port");
            }
        }
        return Message.of("startup.error.other", ErrorMessages.rootCause(failure));
    }
}
