package dev.tessera.core.model;

public enum EventStatus { DRAFT, PUBLISHED, CANCELLED }
