package dev.tessera.desktop.counter;

/** How the clerk identified the customer (claims 66, 78). */
public enum CustomerMode { MEMBER_CARD, MEMBER_PASSWORD, WALK_IN }
