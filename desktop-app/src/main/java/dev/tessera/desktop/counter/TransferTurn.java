package dev.tessera.desktop.counter;

/** Whose turn it is at the counter's transfer: each person types only their own secret, on their own turn. */
public enum TransferTurn {
    /** The current holder picks the ticket from their card and signs in with their own password. */
    ASSIGNOR_SIGN_IN,
    /** The current holder sets the transfer password; the new holder's card lies on the reader. */
    ASSIGNOR_OFFER,
    /** The new holder signs in with their own password and types the transfer password they were told. */
    ASSIGNEE_ACCEPT,
    /** The new version is on the new holder's card; the old copy goes at the current holder's next tap. */
    OLD_COPY
}
