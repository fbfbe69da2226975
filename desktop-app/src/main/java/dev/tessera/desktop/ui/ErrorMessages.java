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
}
