package dev.tessera.desktop.counter;

/** Where the sale at the counter stands. */
public enum SalePhase { PICKING, HELD, AWAITING_CHIP, DONE }
