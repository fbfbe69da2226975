package dev.tessera.reports;

/** The paper a ticket or receipt is printed on (claim 20: paper output at the counter). */
public enum PaperFormat {
    /** An 80 mm thermal roll, one ticket per cut, from a 203 dpi (8 dots/mm) thermal printer. */
    THERMAL_80MM(203),
    /** From an office printer at 300 dpi; a 600 or 1200 dpi one prints each 300 dpi dot as whole dots too. */
    A4(300),
    LETTER(300);

    private final int printerDpi;

    PaperFormat(int printerDpi) {
        this.printerDpi = printerDpi;
    }

    /** The dot grid a QR code on this paper is drawn on. */
    public int printerDpi() {
        return printerDpi;
    }
}
