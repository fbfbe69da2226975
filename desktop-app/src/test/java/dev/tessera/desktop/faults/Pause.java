package dev.tessera.desktop.faults;

/** Thread.sleep for the fault suites' pacing, keeping the interrupt flag. */
final class Pause {
    private Pause() {}

    static void millis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
