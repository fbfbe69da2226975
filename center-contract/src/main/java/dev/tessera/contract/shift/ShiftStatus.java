package dev.tessera.contract.shift;

public enum ShiftStatus { OPEN, CLOSED }
