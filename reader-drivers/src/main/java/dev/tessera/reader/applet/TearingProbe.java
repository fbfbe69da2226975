package dev.tessera.reader.applet;

import javacard.framework.ISOException;

/**
 * Test-only power cut: after the k-th persistent write the applet stops as if the card left the field. Disarmed
 * (k = 0) on every real card; the applet calls {@link #written()} after each write that reaches persistent memory.
 */
public final class TearingProbe {

    /** The status word the simulator harness turns into "card removed"; never sent by a real card. */
    public static final short SW_TORN = (short) 0x6FEE;

    private static boolean active;
    private static short remaining;
    private static short writes;

    private TearingProbe() {
    }

    /** Cuts the power right after the k-th persistent write from now; 0 disarms. */
    public static void armAfter(short k) {
        active = true;
        remaining = k;
    }

    /** Stops counting and cutting: the state of every real card. */
    public static void disable() {
        active = false;
        remaining = 0;
    }

    /** Persistent writes counted since the last {@link #resetCount()}, to find every tearing point of a command. */
    public static short count() {
        return writes;
    }

    public static void resetCount() {
        active = true;
        writes = 0;
    }

    static void written() {
        if (!active) {
            return;
        }
        writes++;
        if (remaining > 0) {
            remaining--;
            if (remaining == 0) {
                ISOException.throwIt(SW_TORN);
            }
        }
    }
}
