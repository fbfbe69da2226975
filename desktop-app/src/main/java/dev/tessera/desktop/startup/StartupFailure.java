package dev.tessera.desktop.startup;

import dev.tessera.client.CenterException;
import dev.tessera.client.CenterUnreachableException;
import dev.tessera.desktop.ui.ErrorMessages;
import dev.tessera.desktop.ui.H2Errors;
import dev.tessera.desktop.ui.Message;
import java.net.BindException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.sql.SQLException;
import org.h2.api.ErrorCode;

/** Puts a startup failure into words a clerk can act on; the log keeps the stack trace. */
public final class StartupFailure {
    private StartupFailure() {}

    public static Message describe(Throwable failure, StartupSettings settings) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            // another process has the center's file open
            if (t instanceof SQLException sql && (H2Errors.code(sql) == ErrorCode.DATABASE_ALREADY_OPEN_1
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
