package dev.tessera.contract.terminal;

public enum JournalOutcomeKind { APPLIED, RECORDED, REJECTED }
