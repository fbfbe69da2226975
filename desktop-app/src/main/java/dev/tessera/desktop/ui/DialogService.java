package dev.tessera.desktop.ui;

/** Every dialog goes through here, so views and tests have one place to look. */
public interface DialogService {

    /** Shows why startup failed; true when the person wants to try again, false to quit. */
    boolean askRetryAfterStartupFailure(Message reason);

    void showError(Message title, Message detail);
}
