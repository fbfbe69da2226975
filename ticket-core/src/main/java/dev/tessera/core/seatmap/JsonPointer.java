package dev.tessera.core.seatmap;

import java.util.Arrays;

/**
 * The reader's position in the document as a stack of field names and array indexes. Pushing and
 * popping cost no allocation; the text is only built for an error message.
 */
final class JsonPointer {
    private static final int INITIAL_DEPTH = 16;

    private String[] names = new String[INITIAL_DEPTH];
    private int[] indexes = new int[INITIAL_DEPTH];
    private int depth;

    void push(String name) {
        grow();
        names[depth++] = name;
    }

    void push(int index) {
        grow();
        names[depth] = null;
        indexes[depth++] = index;
    }

    void pop() {
        depth--;
    }

    @Override
    public String toString() {
        StringBuilder pointer = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            pointer.append('/');
            if (names[i] == null) {
                pointer.append(indexes[i]);
            } else {
                pointer.append(names[i].replace("~", "~0").replace("/", "~1"));
            }
        }
        return pointer.toString();
    }

    private void grow() {
        if (depth == names.length) {
            names = Arrays.copyOf(names, depth * 2);
            indexes = Arrays.copyOf(indexes, depth * 2);
        }
    }
}
