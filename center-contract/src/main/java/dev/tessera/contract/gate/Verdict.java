package dev.tessera.contract.gate;

/** AREA_FULL (issue 18): the ticket's standing area is marked full at the door. */
public enum Verdict { ADMITTED, MALFORMED, FORGED, WRONG_EVENT, WRONG_GATE, TOO_EARLY, EXPIRED, REVOKED, WRONG_CHIP, VOIDED, ALREADY_USED, AREA_FULL }
