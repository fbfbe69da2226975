package dev.tessera.desktop.ledger;

/**
 * Named steps of a sale where the kill test stops the process dead (as kill -9 would):
 * {@code -Dtessera.crashAt=sale.after-center} halts the JVM the moment the sale reaches that step.
 */
public final class CrashPoints {
    public static final String PROPERTY = "tessera.crashAt";
    public static final int EXIT_CODE = 137;

    private CrashPoints() {}

    public static void reach(String point) {
        if (point.equals(System.getProperty(PROPERTY))) {
            Runtime.getRuntime().halt(EXIT_CODE);
        }
    }
}
