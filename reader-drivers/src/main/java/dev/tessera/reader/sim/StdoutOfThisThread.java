package dev.tessera.reader.sim;

import java.io.OutputStream;
import java.io.PrintStream;

/**
 * Drops what one thread prints on {@code System.out} while it runs an action; every other thread's output
 * passes through. jCardSim 3.0.5's {@code Signature.getInstance} prints "getInstance of assymetric algo: N"
 * with {@code System.out.println} for every asymmetric algorithm, which no configuration turns off.
 */
final class StdoutOfThisThread {
    private StdoutOfThisThread() {}

    /** One at a time, so each swap restores the stream it replaced. */
    static synchronized void discardWhile(Runnable action) {
        PrintStream original = System.out;
        Thread quietThread = Thread.currentThread();
        PrintStream filtered = new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                if (Thread.currentThread() != quietThread) {
                    original.write(b);
                }
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                if (Thread.currentThread() != quietThread) {
                    original.write(bytes, offset, length);
                }
            }

            @Override
            public void flush() {
                original.flush();
            }
        }, true, original.charset());
        System.setOut(filtered);
        try {
            action.run();
        } finally {
            // another library may have replaced System.out meanwhile; then its stream stays
            if (System.out == filtered) {
                System.setOut(original);
            }
        }
    }
}
