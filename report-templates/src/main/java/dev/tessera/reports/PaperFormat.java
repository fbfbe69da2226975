package dev.tessera.reports;

/** The paper a ticket or receipt is printed on (claim 20: paper output at the counter). */
public enum PaperFormat {
    /** An 80 mm thermal roll, one ticket per cut. */
    THERMAL_80MM,
    A4,
    LETTER
}
