package dev.tessera.designer.render;

import dev.tessera.designer.geometry.IntList;
import java.util.Arrays;

/**
 * Animates seats whose look changed: the colour fades from the old to the new one while the seat
 * swells and settles back, so a clerk notices a seat taken by another counter. Each frame touches
 * only the animated seats.
 */
public final class StatusAnimator {
    public static final long DURATION_NANOS = 600_000_000L;
    private static final float SWELL = 0.7f;

    private final SeatLayer layer;
    private int[] active = new int[64];
    private long[] started = new long[64];
    private int[] from = new int[64];
    private int[] to = new int[64];
    private int[] slotOf = new int[0];
    private int size;

    public StatusAnimator(SeatLayer layer) {
        this.layer = layer;
    }

    /** Forgets all animations (the layer was rebuilt). */
    public void reset() {
        size = 0;
        slotOf = new int[layer.count()];
        Arrays.fill(slotOf, -1);
    }

    public boolean isRunning() {
        return size > 0;
    }

    /** Starts (or restarts) the animation of a seat towards its new fill; the layer keeps the old fill until then. */
    public void animate(int seat, int oldFill, int newFill, long now) {
        if (slotOf.length != layer.count()) {
            reset();
        }
        int slot = slotOf[seat];
        if (slot < 0) {
            if (size == active.length) {
                active = Arrays.copyOf(active, size * 2);
                started = Arrays.copyOf(started, size * 2);
                from = Arrays.copyOf(from, size * 2);
                to = Arrays.copyOf(to, size * 2);
            }
            slot = size++;
            active[slot] = seat;
            slotOf[seat] = slot;
            from[slot] = oldFill;
        } else {
            from[slot] = layer.fill(seat);
        }
        to[slot] = newFill;
        started[slot] = now;
    }

    /** Advances every animation to {@code now}; adds the seats to repaint to {@code changed}. */
    public void step(long now, IntList changed) {
        int k = 0;
        while (k < size) {
            int seat = active[k];
            double t = (now - started[k]) / (double) DURATION_NANOS;
            changed.add(seat);
            if (t >= 1) {
                layer.setFill(seat, to[k]);
                layer.setPulse(seat, 1f);
                slotOf[seat] = -1;
                size--;
                if (k < size) {
                    active[k] = active[size];
                    started[k] = started[size];
                    from[k] = from[size];
                    to[k] = to[size];
                    slotOf[active[k]] = k;
                }
            } else {
                double ease = 1 - (1 - t) * (1 - t);
                layer.setFill(seat, Colors.mix(from[k], to[k], ease));
                layer.setPulse(seat, 1f + SWELL * (float) Math.sin(Math.PI * t));
                k++;
            }
        }
    }
}
