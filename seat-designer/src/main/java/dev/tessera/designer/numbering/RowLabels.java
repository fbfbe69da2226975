package dev.tessera.designer.numbering;

import java.util.List;

/**
 * How rows are named: letters A, B, ... Z, AA, AB, ... skipping I and O (they read as 1 and 0),
 * plain numbers, or a custom list given by the user.
 */
public sealed interface RowLabels {
    /** The label of the row at a 0-based position. */
    String label(int position);

    /** A, B, ... H, J, K, ... N, P, ... Z, AA, AB, ... (24 letters, no I or O). */
    record Letters() implements RowLabels {
        static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ";

        @Override
        public String label(int position) {
            if (position < 0) {
                throw new IllegalArgumentException("row position must not be negative: " + position);
            }
            StringBuilder label = new StringBuilder();
            int n = position;
            do {
                label.insert(0, ALPHABET.charAt(n % ALPHABET.length()));
                n = n / ALPHABET.length() - 1;
            } while (n >= 0);
            return label.toString();
        }

        /** The position of a label made by this scheme, or -1. */
        public int positionOf(String label) {
            int n = 0;
            for (int i = 0; i < label.length(); i++) {
                int digit = ALPHABET.indexOf(label.charAt(i));
                if (digit < 0) {
                    return -1;
                }
                n = n * ALPHABET.length() + digit + 1;
            }
            return label.isEmpty() ? -1 : n - 1;
        }
    }

    /** start, start + 1, ... */
    record Numbers(int start) implements RowLabels {
        @Override
        public String label(int position) {
            return Integer.toString(start + position);
        }
    }

    /** The user's own labels in order; past the end, the last label gets a counter suffix. */
    record Custom(List<String> labels) implements RowLabels {
        public Custom {
            labels = List.copyOf(labels);
            if (labels.isEmpty()) {
                throw new IllegalArgumentException("custom row labels need at least one label");
            }
        }

        @Override
        public String label(int position) {
            if (position < labels.size()) {
                return labels.get(position);
            }
            return labels.getLast() + (position - labels.size() + 2);
        }
    }
}
