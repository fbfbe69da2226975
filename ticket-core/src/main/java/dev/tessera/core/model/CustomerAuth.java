package dev.tessera.core.model;

/** How the seller authenticated the customer (claims 66, 78). */
public enum CustomerAuth {
    /** The customer tapped a membership card whose chip proved itself genuine. */
    MEMBER_CARD,
    /** The customer gave the member login id and password. */
    MEMBER_PASSWORD,
    /** An anonymous customer: paper tickets or a chip without membership. */
    WALK_IN
}
