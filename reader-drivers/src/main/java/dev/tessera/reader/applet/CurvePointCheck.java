package dev.tessera.reader.applet;

import javacard.framework.JCSystem;
import javacard.framework.Util;

/**
 * Checks that an uncompressed point lies on P-256 (y² = x³ − 3x + b mod p, both coordinates below p) before the
 * chip multiplies it with its private key: a platform that does not validate would otherwise give an invalid-curve
 * oracle on that key (docs/card-protocol.md §4.7). Java Card has no usable big-number API (BigNumber is optional
 * and jCardSim's is empty), so the field arithmetic is done here on 32-byte big-endian numbers. The point is public,
 * so the arithmetic need not be constant-time.
 */
final class CurvePointCheck {

    private static final short SIZE = 32;
    private static final short X = 0;
    private static final short Y = 32;
    private static final short LEFT = 64;
    private static final short RIGHT = 96;
    private static final short TEMP = 128;
    private static final short WORK_LENGTH = 160;
    private static final byte UNCOMPRESSED = 0x04;

    private final byte[] work;

    CurvePointCheck() {
        work = JCSystem.makeTransientByteArray(WORK_LENGTH, JCSystem.CLEAR_ON_DESELECT);
    }

    /** @param point {@code 04 ‖ x (32) ‖ y (32)} at {@code offset} */
    boolean isOnCurve(byte[] point, short offset) {
        if (point[offset] != UNCOMPRESSED) {
            return false;
        }
        Util.arrayCopyNonAtomic(point, (short) (offset + 1), work, X, SIZE);
        Util.arrayCopyNonAtomic(point, (short) (offset + 1 + SIZE), work, Y, SIZE);
        if (compareToField(work, X) >= 0 || compareToField(work, Y) >= 0) {
            return false;
        }
        multiply(Y, Y, LEFT);
        multiply(X, X, TEMP);
        multiply(TEMP, X, RIGHT);
        for (short i = 0; i < 3; i++) {
            subtract(RIGHT, X);
        }
        add(work, RIGHT, P256Curve.B, (short) 0);
        boolean on = Util.arrayCompare(work, LEFT, work, RIGHT, SIZE) == 0;
        Util.arrayFillNonAtomic(work, (short) 0, WORK_LENGTH, (byte) 0);
        return on;
    }

    /** out = a · b mod p by double-and-add over the bits of b; out must differ from a and b. */
    private void multiply(short a, short b, short out) {
        Util.arrayFillNonAtomic(work, out, SIZE, (byte) 0);
        for (short i = 0; i < SIZE; i++) {
            byte bits = work[(short) (b + i)];
            for (short bit = 7; bit >= 0; bit--) {
                add(work, out, work, out);
                if (((bits >> bit) & 1) != 0) {
                    add(work, out, work, a);
                }
            }
        }
    }

    /** r = r + a mod p, both below p (so one subtraction of p at most). */
    private void add(byte[] r, short rOffset, byte[] a, short aOffset) {
        short carry = 0;
        for (short i = (short) (SIZE - 1); i >= 0; i--) {
            short sum = (short) ((r[(short) (rOffset + i)] & 0xFF) + (a[(short) (aOffset + i)] & 0xFF) + carry);
            r[(short) (rOffset + i)] = (byte) sum;
            carry = (short) ((sum >> 8) & 1);
        }
        if (carry != 0 || compareToField(r, rOffset) >= 0) {
            subtractField(r, rOffset);
        }
    }

    /** r = r − a mod p, both below p. */
    private void subtract(short r, short a) {
        short borrow = 0;
        for (short i = (short) (SIZE - 1); i >= 0; i--) {
            short difference = (short) ((work[(short) (r + i)] & 0xFF) - (work[(short) (a + i)] & 0xFF) - borrow);
            work[(short) (r + i)] = (byte) difference;
            borrow = (short) (difference < 0 ? 1 : 0);
        }
        if (borrow != 0) {
            // went below zero: add p back (the carry out of that addition cancels the borrow)
            short carry = 0;
            for (short i = (short) (SIZE - 1); i >= 0; i--) {
                short sum = (short) ((work[(short) (r + i)] & 0xFF) + (P256Curve.FIELD[i] & 0xFF) + carry);
                work[(short) (r + i)] = (byte) sum;
                carry = (short) ((sum >> 8) & 1);
            }
        }
    }

    /** r = r − p, ignoring the borrow out (r was at least p, or held a carry of 2^256). */
    private static void subtractField(byte[] r, short offset) {
        short borrow = 0;
        for (short i = (short) (SIZE - 1); i >= 0; i--) {
            short difference = (short) ((r[(short) (offset + i)] & 0xFF) - (P256Curve.FIELD[i] & 0xFF) - borrow);
            r[(short) (offset + i)] = (byte) difference;
            borrow = (short) (difference < 0 ? 1 : 0);
        }
    }

    /** Sign of (value − p), comparing unsigned big-endian bytes. */
    private static short compareToField(byte[] value, short offset) {
        for (short i = 0; i < SIZE; i++) {
            short v = (short) (value[(short) (offset + i)] & 0xFF);
            short p = (short) (P256Curve.FIELD[i] & 0xFF);
            if (v != p) {
                return (short) (v < p ? -1 : 1);
            }
        }
        return 0;
    }
}
