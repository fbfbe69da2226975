package dev.tessera.designer.geometry;

import java.util.Arrays;

/** A growable list of ints without boxing, reused between queries. */
public final class IntList {
    private int[] values;
    private int size;

    public IntList() {
        this(64);
    }

    public IntList(int capacity) {
        values = new int[Math.max(4, capacity)];
    }

    public void add(int value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    public int get(int i) {
        if (i >= size) {
            throw new IndexOutOfBoundsException(i);
        }
        return values[i];
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public void clear() {
        size = 0;
    }

    public int[] toArray() {
        return Arrays.copyOf(values, size);
    }

    /** The backing array; only the first {@link #size()} values are meaningful. */
    public int[] raw() {
        return values;
    }
}
