package dev.tessera.core.model;

public enum ChipStatus { ACTIVE, BLOCKED }
