package dev.tessera.contract.aftersales;

/** VALID, USED, VOID, or TRANSFERRED (valid, but moved to another chip since the sale). */
public enum TicketStatus { VALID, USED, VOID, TRANSFERRED }
