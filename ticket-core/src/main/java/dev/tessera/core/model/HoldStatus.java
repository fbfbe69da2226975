package dev.tessera.core.model;

public enum HoldStatus { ACTIVE, ISSUED, RELEASED, LAPSED }
