package dev.tessera.core.model;

/** Who may do what at the platform center. */
public enum Role {
    /** Designs venues, registers and publishes events, authorizes sellers (claims 29 b-d, 30). */
    ORGANIZER,
    /** A box-office terminal or seller organisation (the distribution authentication apparatus). */
    SELLER,
    /** Reads sales logs and settlements of every seller (claims 75, 88). */
    MANAGER,
    /** Reads and verifies tickets at the venue entrance (claim 67). */
    GATE,
    /** A customer holding a membership card (claim 31). */
    MEMBER
}
