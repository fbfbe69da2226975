package dev.tessera.designer.availability;

import dev.tessera.core.seatmap.Category;
import dev.tessera.core.seatmap.Row;
import dev.tessera.core.seatmap.Seat;
import dev.tessera.core.seatmap.SeatMap;
import dev.tessera.core.seatmap.Section;
import dev.tessera.designer.geometry.IntList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The status of every seat of one event, indexed like {@link SeatMap#seats()}, with running counts
 * per category and per section, so that the legend and the count tables update in O(changes).
 * Not thread-safe: the view applies changes on the FX thread.
 */
public final class AvailabilityBoard {
    private static final int STATUSES = SeatStatus.values().length;

    private final SeatMap map;
    private final Map<String, Integer> seatIndex;
    private final byte[] status;
    private final int[] categoryOf;
    private final int[] sectionOf;
    private final int[] rowStart;
    private final int[] rowOfSeat;
    private final int[][] byCategory;
    private final int[][] bySection;
    private final int[] total = new int[STATUSES];
    private double seatPitch = -1;

    public AvailabilityBoard(SeatMap map) {
        this.map = map;
        List<Seat> seats = map.seats();
        int n = seats.size();
        this.seatIndex = HashMap.newHashMap(n);
        this.status = new byte[n];
        this.categoryOf = new int[n];
        this.sectionOf = new int[n];
        this.rowOfSeat = new int[n];
        Map<String, Integer> categories = new HashMap<>();
        for (int c = 0; c < map.categories().size(); c++) {
            categories.put(map.categories().get(c).id(), c);
        }
        IntList rowStarts = new IntList();
        int i = 0;
        int rowNumber = 0;
        for (int s = 0; s < map.sections().size(); s++) {
            Section section = map.sections().get(s);
            for (Row row : section.rows()) {
                rowStarts.add(i);
                for (Seat seat : row.seats()) {
                    seatIndex.put(seat.id(), i);
                    categoryOf[i] = categories.get(seat.categoryId());
                    sectionOf[i] = s;
                    rowOfSeat[i] = rowNumber;
                    SeatStatus initial = seat.isForSale() ? SeatStatus.FREE : SeatStatus.BLOCKED;
                    status[i] = (byte) initial.ordinal();
                    i++;
                }
                rowNumber++;
            }
        }
        rowStarts.add(i);
        this.rowStart = rowStarts.toArray();
        this.byCategory = new int[map.categories().size()][STATUSES];
        this.bySection = new int[map.sections().size()][STATUSES];
        for (int k = 0; k < n; k++) {
            count(k, status[k], 1);
        }
    }

    public SeatMap map() {
        return map;
    }

    public int seatCount() {
        return status.length;
    }

    /** The seat's position in {@link SeatMap#seats()}, or -1 for an unknown id. */
    public int indexOf(String seatId) {
        Integer i = seatIndex.get(seatId);
        return i == null ? -1 : i;
    }

    public SeatStatus status(int seat) {
        return SeatStatus.ofOrdinal(status[seat]);
    }

    public SeatStatus status(String seatId) {
        int i = indexOf(seatId);
        return i < 0 ? null : status(i);
    }

    /** Sets a seat's status; returns false if it already had it. */
    public boolean set(int seat, SeatStatus newStatus) {
        byte value = (byte) newStatus.ordinal();
        byte old = status[seat];
        if (old == value) {
            return false;
        }
        count(seat, old, -1);
        status[seat] = value;
        count(seat, value, 1);
        return true;
    }

    /** Applies changes by seat id and adds the indexes of the seats that changed to {@code changed}; unknown ids are skipped. */
    public void apply(Map<String, SeatStatus> changes, IntList changed) {
        for (Map.Entry<String, SeatStatus> change : changes.entrySet()) {
            int i = indexOf(change.getKey());
            if (i >= 0 && set(i, change.getValue())) {
                changed.add(i);
            }
        }
    }

    public int count(SeatStatus s) {
        return total[s.ordinal()];
    }

    public int countInCategory(int category, SeatStatus s) {
        return byCategory[category][s.ordinal()];
    }

    public int countInSection(int section, SeatStatus s) {
        return bySection[section][s.ordinal()];
    }

    public int categoryOf(int seat) {
        return categoryOf[seat];
    }

    public Category category(int seat) {
        return map.categories().get(categoryOf[seat]);
    }

    public int sectionOf(int seat) {
        return sectionOf[seat];
    }

    /** The number of rows over all sections. */
    public int rowCount() {
        return rowStart.length - 1;
    }

    /** The index of the row's first seat; seats of a row are consecutive, left to right. */
    public int rowStart(int row) {
        return rowStart[row];
    }

    public int rowEnd(int row) {
        return rowStart[row + 1];
    }

    public int rowOf(int seat) {
        return rowOfSeat[seat];
    }

    /**
     * The usual distance in centimetres between neighbours in a row: the median over up to 2,000 neighbour
     * pairs; {@value #DEFAULT_PITCH} when no row has two seats. Hit targets and disc sizes follow it.
     */
    public double seatPitch() {
        if (seatPitch < 0) {
            seatPitch = medianPitch();
        }
        return seatPitch;
    }

    static final double DEFAULT_PITCH = 50;
    private static final int PITCH_SAMPLES = 2_000;

    private double medianPitch() {
        List<Seat> seats = map.seats();
        double[] gaps = new double[PITCH_SAMPLES];
        int n = 0;
        for (int row = 0; row < rowCount() && n < PITCH_SAMPLES; row++) {
            for (int i = rowStart[row] + 1; i < rowStart[row + 1] && n < PITCH_SAMPLES; i++) {
                double d = Math.hypot(seats.get(i).x() - seats.get(i - 1).x(), seats.get(i).y() - seats.get(i - 1).y());
                if (d > 0) {
                    gaps[n++] = d;
                }
            }
        }
        if (n == 0) {
            return DEFAULT_PITCH;
        }
        java.util.Arrays.sort(gaps, 0, n);
        return gaps[n / 2];
    }

    private void count(int seat, byte s, int delta) {
        byCategory[categoryOf[seat]][s] += delta;
        bySection[sectionOf[seat]][s] += delta;
        total[s] += delta;
    }
}
