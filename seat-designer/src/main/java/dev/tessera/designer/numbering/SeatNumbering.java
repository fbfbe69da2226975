package dev.tessera.designer.numbering;

/**
 * How the seats of a row are numbered. Rows hold their seats left to right as seen facing the
 * stage; numbering may run either way, use every number, odd or even numbers only, or put odd
 * numbers on the left half and even numbers on the right half, both counting outwards from the
 * centre (common in European theatres).
 *
 * @param start the first number (for odd or even sequences, adjusted up to the right parity)
 * @param prefix put before each number ("A" gives "A1", "A2")
 * @param suffix put after each number
 */
public record SeatNumbering(Direction direction, Sequence sequence, int start, String prefix, String suffix) {
    public enum Direction { LEFT_TO_RIGHT, RIGHT_TO_LEFT }

    public enum Sequence { CONSECUTIVE, ODD, EVEN, ODD_LEFT_EVEN_RIGHT }

    public SeatNumbering {
        prefix = prefix == null ? "" : prefix;
        suffix = suffix == null ? "" : suffix;
    }

    public static SeatNumbering leftToRight() {
        return new SeatNumbering(Direction.LEFT_TO_RIGHT, Sequence.CONSECUTIVE, 1, "", "");
    }

    /** The labels of a row of {@code count} seats, in the row's own (left-to-right) order. */
    public String[] labels(int count) {
        int[] numbers = new int[count];
        switch (sequence) {
            case CONSECUTIVE -> fill(numbers, start, 1);
            case ODD -> fill(numbers, start % 2 != 0 ? start : start + 1, 2);
            case EVEN -> fill(numbers, start % 2 == 0 ? start : start + 1, 2);
            case ODD_LEFT_EVEN_RIGHT -> {
                int leftCount = (count + 1) / 2;
                int odd = start % 2 != 0 ? start : start + 1;
                int even = odd + 1;
                // left half: odd numbers growing from the centre to the left end
                for (int k = 0; k < leftCount; k++) {
                    numbers[leftCount - 1 - k] = odd + 2 * k;
                }
                for (int k = 0; k < count - leftCount; k++) {
                    numbers[leftCount + k] = even + 2 * k;
                }
            }
        }
        boolean reverse = direction == Direction.RIGHT_TO_LEFT && sequence != Sequence.ODD_LEFT_EVEN_RIGHT;
        String[] labels = new String[count];
        for (int i = 0; i < count; i++) {
            int number = reverse ? numbers[count - 1 - i] : numbers[i];
            labels[i] = prefix + number + suffix;
        }
        return labels;
    }

    private static void fill(int[] numbers, int first, int step) {
        for (int i = 0; i < numbers.length; i++) {
            numbers[i] = first + i * step;
        }
    }
}
