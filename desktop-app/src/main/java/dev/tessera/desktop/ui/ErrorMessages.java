package dev.tessera.desktop.ui;

import dev.tessera.client.CenterCertificateException;
import dev.tessera.client.CenterException;
import dev.tessera.client.CenterProblemException;
import dev.tessera.client.CenterUnreachableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What a person reads when a call to the center fails. */
public final class ErrorMessages {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMessages.class);

    private ErrorMessages() {}

    public static Message of(Exception failure) {
        return switch (failure) {
            case CenterCertificateException e -> Message.of("error.certificate", e.center());
            case CenterUnreachableException e -> Message.of("error.unreachable", e.center());
            case CenterProblemException e when e.status() == 401 -> Message.of("error.sessionExpired");
            case CenterException e -> Message.of("error.center", e.getMessage());
            default -> {
                LOG.error("unexpected failure", failure);
                yield Message.of("error.unexpected", failure.getClass().getSimpleName());
            }
        };
    }

    /** The first line of the innermost cause's message (its class name when it has none): a reason shown in words. */
    public static String rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
