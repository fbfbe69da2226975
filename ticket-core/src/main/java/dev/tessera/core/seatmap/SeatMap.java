package dev.tessera.core.seatmap;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A venue's seat map: sections of rows of seats, general-admission areas and gates, with the
 * categories they are sold in. Immutable and validated on construction: ids are well formed, seat
 * and area ids are unique together, section, row, category and gate ids are unique, and every
 * seat and area refers to a declared category.
 *
 * <p>A final class rather than a record because it carries an index built once on construction
 * (maps have up to 100,000 seats); its accessors are named like record components.
 */
public final class SeatMap {
    /** The version of the model and of the file format that this code writes. */
    public static final int CURRENT_FORMAT_VERSION = 1;

    private final int formatVersion;
    private final String name;
    private final Point focalPoint;
    private final List<Category> categories;
    private final List<Section> sections;
    private final List<GeneralAdmissionArea> areas;
    private final List<Gate> gates;

    private final List<Seat> seats;
    private final Map<String, SeatPlace> seatIndex;
    private final Map<String, Category> categoryIndex;
    private final int capacity;
    private int hash;

    private record SeatPlace(Seat seat, Row row, Section section) {}

    /**
     * @param focalPoint what the seats face: the stage's front centre or the centre of the field
     */
    public SeatMap(int formatVersion, String name, Point focalPoint, List<Category> categories,
            List<Section> sections, List<GeneralAdmissionArea> areas, List<Gate> gates) {
        if (formatVersion < 1 || formatVersion > CURRENT_FORMAT_VERSION) {
            throw new IllegalArgumentException("seat map format version must be between 1 and "
                    + CURRENT_FORMAT_VERSION + ", was " + formatVersion);
        }
        this.formatVersion = formatVersion;
        Rules.Owner owner = new Rules.Owner("seat map", name);
        this.name = Rules.requireText(owner, "name", name, Rules.MAX_NAME_LENGTH);
        this.focalPoint = Rules.requirePresent(owner, "focal point", focalPoint);
        this.categories = Rules.copyList(owner, "categories", categories);
        this.sections = Rules.copyList(owner, "sections", sections);
        this.areas = Rules.copyList(owner, "areas", areas);
        this.gates = Rules.copyList(owner, "gates", gates);

        this.categoryIndex = indexCategories(this.categories);
        UniqueIds sectionIds = new UniqueIds("section");
        UniqueIds rowIds = new UniqueIds("row");
        Map<String, SeatPlace> index = new HashMap<>();
        List<Seat> allSeats = new ArrayList<>();
        long places = 0;
        for (Section section : this.sections) {
            sectionIds.add(section.id());
            for (Row row : section.rows()) {
                rowIds.add(row.id());
                for (Seat seat : row.seats()) {
                    SeatPlace earlier = index.putIfAbsent(seat.id(), new SeatPlace(seat, row, section));
                    if (earlier != null) {
                        throw new IllegalArgumentException("duplicate seat id " + Rules.quote(seat.id())
                                + ": in row " + Rules.quote(earlier.row().id())
                                + " and in row " + Rules.quote(row.id()));
                    }
                    requireCategory(new Rules.Owner("seat", seat.id()), seat.categoryId());
                    allSeats.add(seat);
                    if (seat.isForSale()) {
                        places++;
                    }
                }
            }
        }
        UniqueIds areaIds = new UniqueIds("area");
        for (GeneralAdmissionArea area : this.areas) {
            areaIds.add(area.id());
            if (index.containsKey(area.id())) {
                throw new IllegalArgumentException("area id " + Rules.quote(area.id())
                        + " is already the id of a seat; seats and areas share one set of ids");
            }
            requireCategory(new Rules.Owner("area", area.id()), area.categoryId());
            places += area.capacity();
        }
        UniqueIds gateIds = new UniqueIds("gate");
        for (Gate gate : this.gates) {
            gateIds.add(gate.id());
        }
        if (places > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(owner + ": total capacity " + places + " is too large");
        }
        this.seats = Collections.unmodifiableList(allSeats);
        this.seatIndex = index;
        this.capacity = (int) places;
    }

    public int formatVersion() {
        return formatVersion;
    }

    public String name() {
        return name;
    }

    public Point focalPoint() {
        return focalPoint;
    }

    public List<Category> categories() {
        return categories;
    }

    public List<Section> sections() {
        return sections;
    }

    public List<GeneralAdmissionArea> areas() {
        return areas;
    }

    public List<Gate> gates() {
        return gates;
    }

    /** All seats, section by section, row by row, each row left to right. */
    public List<Seat> seats() {
        return seats;
    }

    public Optional<Seat> seat(String id) {
        return place(id).map(SeatPlace::seat);
    }

    public int seatCount() {
        return seats.size();
    }

    /** Places that can be sold: seats that are not {@link SeatFlag#NOT_FOR_SALE} plus general-admission capacity. */
    public int capacity() {
        return capacity;
    }

    public Optional<Row> rowOf(String seatId) {
        return place(seatId).map(SeatPlace::row);
    }

    public Optional<Section> sectionOf(String seatId) {
        return place(seatId).map(SeatPlace::section);
    }

    public Optional<Category> category(String id) {
        return Optional.ofNullable(categoryIndex.get(id));
    }

    @Override
    public boolean equals(Object other) {
        return this == other
                || other instanceof SeatMap that
                        && formatVersion == that.formatVersion
                        && name.equals(that.name)
                        && focalPoint.equals(that.focalPoint)
                        && categories.equals(that.categories)
                        && gates.equals(that.gates)
                        && areas.equals(that.areas)
                        && sections.equals(that.sections);
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = Objects.hash(formatVersion, name, focalPoint, categories, sections, areas, gates);
            hash = h;
        }
        return h;
    }

    /** A summary: a map's full contents run to megabytes. */
    @Override
    public String toString() {
        return "SeatMap[name=" + name + ", formatVersion=" + formatVersion + ", sections=" + sections.size()
                + ", seats=" + seats.size() + ", areas=" + areas.size() + ", capacity=" + capacity + "]";
    }

    private Optional<SeatPlace> place(String seatId) {
        return seatId == null ? Optional.empty() : Optional.ofNullable(seatIndex.get(seatId));
    }

    private void requireCategory(Rules.Owner owner, String categoryId) {
        if (!categoryIndex.containsKey(categoryId)) {
            throw new IllegalArgumentException(owner + ": unknown category " + Rules.quote(categoryId)
                    + "; declared categories are: " + declaredCategories(categoryIndex.keySet()));
        }
    }

    static String declaredCategories(Iterable<String> ids) {
        String list = String.join(", ", ids);
        return list.isEmpty() ? "(none)" : list;
    }

    private static Map<String, Category> indexCategories(List<Category> categories) {
        Map<String, Category> index = new LinkedHashMap<>();
        for (Category category : categories) {
            if (index.putIfAbsent(category.id(), category) != null) {
                throw new IllegalArgumentException("duplicate category id " + Rules.quote(category.id()));
            }
        }
        return index;
    }

    /** Detects a repeated id of one kind in O(1) per id. */
    private static final class UniqueIds {
        private final String kind;
        private final Set<String> seen = new HashSet<>();

        UniqueIds(String kind) {
            this.kind = kind;
        }

        void add(String id) {
            if (!seen.add(id)) {
                throw new IllegalArgumentException("duplicate " + kind + " id " + Rules.quote(id));
            }
        }
    }
}
