package dev.tessera.designer.model;

import dev.tessera.core.seatmap.Category;
import dev.tessera.core.seatmap.Gate;
import dev.tessera.core.seatmap.GeneralAdmissionArea;
import dev.tessera.core.seatmap.Point;
import dev.tessera.core.seatmap.Row;
import dev.tessera.core.seatmap.Seat;
import dev.tessera.core.seatmap.SeatMap;
import dev.tessera.core.seatmap.Section;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The editable venue: a mutable model over the immutable {@link SeatMap}, kept apart from the
 * scene graph (as Scene Builder keeps its FXOM apart from the nodes it shows). Views listen for
 * {@link DocumentChange}s; only jobs change a document, so that every change can be undone.
 *
 * <p>Besides the seat map it holds the designer's layout: labels, tables, the stage outline and a
 * background image. Those are saved beside the seat map (see {@code docs/seat-designer.md}),
 * because counters and gates need only the seat map.
 */
public final class SeatDocument {
    private String name;
    private Point focalPoint;
    private final List<Category> categories = new ArrayList<>();
    private final List<DesignSection> sections = new ArrayList<>();
    private final List<DesignArea> areas = new ArrayList<>();
    private final List<DesignGate> gates = new ArrayList<>();
    private final List<PlanLabel> labels = new ArrayList<>();
    private final List<PlanTable> tables = new ArrayList<>();
    private StageShape stage;
    private BackgroundImage background;

    private final List<DocumentListener> listeners = new CopyOnWriteArrayList<>();
    private List<DesignSeat> seatCache;
    private Map<String, DesignSeat> seatIdCache;
    private long structureVersion;

    public SeatDocument(String name, Point focalPoint) {
        this.name = Objects.requireNonNull(name, "name");
        this.focalPoint = Objects.requireNonNull(focalPoint, "focalPoint");
    }

    /** A new, empty venue with one category and one section, ready for the first rows. */
    public static SeatDocument blank(String name) {
        SeatDocument document = new SeatDocument(name, new Point(0, 0));
        document.categories.add(new Category("standard", "Standard", "#2E86C1"));
        document.sections.add(new DesignSection("S1", "Section 1"));
        return document;
    }

    public static SeatDocument of(SeatMap map) {
        SeatDocument document = new SeatDocument(map.name(), map.focalPoint());
        document.categories.addAll(map.categories());
        for (Section section : map.sections()) {
            DesignSection designSection = new DesignSection(section.id(), section.name());
            for (Row row : section.rows()) {
                DesignRow designRow = new DesignRow(row.id(), row.label());
                designRow.section = designSection;
                for (Seat seat : row.seats()) {
                    DesignSeat designSeat = new DesignSeat(seat.id(), seat.label(), seat.x(), seat.y(),
                            seat.categoryId(), seat.flags());
                    designSeat.row = designRow;
                    designRow.seats.add(designSeat);
                }
                designSection.rows.add(designRow);
            }
            document.sections.add(designSection);
        }
        for (GeneralAdmissionArea area : map.areas()) {
            document.areas.add(new DesignArea(area.id(), area.name(), area.categoryId(), area.capacity(), area.outline()));
        }
        for (Gate gate : map.gates()) {
            document.gates.add(new DesignGate(gate.id(), gate.name(), gate.position().x(), gate.position().y()));
        }
        return document;
    }

    /**
     * The immutable seat map this document describes.
     *
     * @throws InvalidDocumentException when the document breaks a rule of the format (an
     *     unnumbered seat, a seat without a category, a duplicate id, ...)
     */
    public SeatMap toSeatMap() throws InvalidDocumentException {
        try {
            List<Section> mapSections = new ArrayList<>(sections.size());
            for (DesignSection section : sections) {
                List<Row> rows = new ArrayList<>(section.rows.size());
                for (DesignRow row : section.rows) {
                    List<Seat> seats = new ArrayList<>(row.seats.size());
                    for (DesignSeat seat : row.seats) {
                        seats.add(new Seat(seat.id(), seat.label(), seat.x(), seat.y(), seat.categoryId(), seat.flags()));
                    }
                    rows.add(new Row(row.id(), row.label(), seats));
                }
                mapSections.add(new Section(section.id(), section.name(), rows));
            }
            List<GeneralAdmissionArea> mapAreas = new ArrayList<>();
            for (DesignArea area : areas) {
                mapAreas.add(new GeneralAdmissionArea(area.id(), area.name(), area.categoryId(), area.capacity(), area.outline()));
            }
            List<Gate> mapGates = new ArrayList<>();
            for (DesignGate gate : gates) {
                mapGates.add(new Gate(gate.id(), gate.name(), new Point(gate.x(), gate.y())));
            }
            return new SeatMap(SeatMap.CURRENT_FORMAT_VERSION, name, focalPoint, categories, mapSections, mapAreas, mapGates);
        } catch (IllegalArgumentException | NullPointerException problem) {
            throw new InvalidDocumentException(problem.getMessage(), problem);
        }
    }

    public String name() {
        return name;
    }

    public void setName(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    public Point focalPoint() {
        return focalPoint;
    }

    public void setFocalPoint(Point focalPoint) {
        this.focalPoint = Objects.requireNonNull(focalPoint, "focalPoint");
    }

    public List<Category> categories() {
        return Collections.unmodifiableList(categories);
    }

    public void setCategories(List<Category> newCategories) {
        categories.clear();
        categories.addAll(newCategories);
    }

    public Optional<Category> category(String id) {
        for (Category category : categories) {
            if (category.id().equals(id)) {
                return Optional.of(category);
            }
        }
        return Optional.empty();
    }

    public List<DesignSection> sections() {
        return Collections.unmodifiableList(sections);
    }

    public List<DesignArea> areas() {
        return Collections.unmodifiableList(areas);
    }

    public List<DesignGate> gates() {
        return Collections.unmodifiableList(gates);
    }

    public List<PlanLabel> labels() {
        return Collections.unmodifiableList(labels);
    }

    public List<PlanTable> tables() {
        return Collections.unmodifiableList(tables);
    }

    public Optional<StageShape> stage() {
        return Optional.ofNullable(stage);
    }

    public void setStage(StageShape stage) {
        this.stage = stage;
    }

    public Optional<BackgroundImage> background() {
        return Optional.ofNullable(background);
    }

    public void setBackground(BackgroundImage background) {
        this.background = background;
    }

    /** All seats, section by section, row by row, left to right; {@link DesignSeat#index()} is the position here. */
    public List<DesignSeat> seats() {
        if (seatCache == null) {
            List<DesignSeat> all = new ArrayList<>();
            for (DesignSection section : sections) {
                for (DesignRow row : section.rows) {
                    for (DesignSeat seat : row.seats) {
                        seat.index = all.size();
                        all.add(seat);
                    }
                }
            }
            seatCache = Collections.unmodifiableList(all);
        }
        return seatCache;
    }

    public int seatCount() {
        return seats().size();
    }

    /** The first seat with this id (ids should be unique; validation reports when they are not). */
    public Optional<DesignSeat> seat(String id) {
        if (seatIdCache == null) {
            Map<String, DesignSeat> index = new HashMap<>();
            for (DesignSeat seat : seats()) {
                index.putIfAbsent(seat.id(), seat);
            }
            seatIdCache = index;
        }
        return Optional.ofNullable(seatIdCache.get(id));
    }

    public Optional<DesignSection> section(String id) {
        return sections.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** Every id in use by a seat, row, section, area or gate: for making new ones unique. */
    public Set<String> usedIds() {
        Set<String> ids = new HashSet<>();
        for (DesignSection section : sections) {
            ids.add(section.id());
            for (DesignRow row : section.rows) {
                ids.add(row.id());
                for (DesignSeat seat : row.seats) {
                    ids.add(seat.id());
                }
            }
        }
        areas.forEach(a -> ids.add(a.id()));
        gates.forEach(g -> ids.add(g.id()));
        return ids;
    }

    /** Counts structural changes; views compare it to know whether their indexes are stale. */
    public long structureVersion() {
        return structureVersion;
    }

    // ---- structure: used by jobs, which record placements to undo them ----

    public Placement placementOf(Object element) {
        return switch (element) {
            case DesignSeat seat -> new Placement.OfSeat(seat.row, seat.row.seats.indexOf(seat), seat);
            case DesignRow row -> new Placement.OfRow(row.section, row.section.rows.indexOf(row), row);
            case DesignSection section -> new Placement.OfSection(sections.indexOf(section), section);
            case DesignArea area -> new Placement.OfArea(areas.indexOf(area), area);
            case DesignGate gate -> new Placement.OfGate(gates.indexOf(gate), gate);
            case PlanLabel label -> new Placement.OfLabel(labels.indexOf(label), label);
            case PlanTable table -> new Placement.OfTable(tables.indexOf(table), table);
            default -> throw new IllegalArgumentException("not a document element: " + element);
        };
    }

    /** Puts an element at its placement; an index past the end appends. */
    public void insert(Placement placement) {
        switch (placement) {
            case Placement.OfSeat p -> {
                p.seat().row = p.row();
                p.row().seats.add(clamp(p.index(), p.row().seats.size()), p.seat());
            }
            case Placement.OfRow p -> {
                p.row().section = p.section();
                p.section().rows.add(clamp(p.index(), p.section().rows.size()), p.row());
            }
            case Placement.OfSection p -> sections.add(clamp(p.index(), sections.size()), p.section());
            case Placement.OfArea p -> areas.add(clamp(p.index(), areas.size()), p.area());
            case Placement.OfGate p -> gates.add(clamp(p.index(), gates.size()), p.gate());
            case Placement.OfLabel p -> labels.add(clamp(p.index(), labels.size()), p.label());
            case Placement.OfTable p -> tables.add(clamp(p.index(), tables.size()), p.table());
        }
        structureChanged();
    }

    public void remove(Placement placement) {
        switch (placement) {
            case Placement.OfSeat p -> {
                p.row().seats.remove(p.seat());
                p.seat().row = null;
                p.seat().index = -1;
            }
            case Placement.OfRow p -> p.section().rows.remove(p.row());
            case Placement.OfSection p -> sections.remove(p.section());
            case Placement.OfArea p -> areas.remove(p.area());
            case Placement.OfGate p -> gates.remove(p.gate());
            case Placement.OfLabel p -> labels.remove(p.label());
            case Placement.OfTable p -> tables.remove(p.table());
        }
        structureChanged();
    }

    /** Ids, labels or the tree changed: derived indexes are rebuilt on next use. */
    public void structureChanged() {
        seatCache = null;
        seatIdCache = null;
        structureVersion++;
    }

    private static int clamp(int index, int size) {
        return index < 0 || index > size ? size : index;
    }

    // ---- listeners ----

    public void addListener(DocumentListener listener) {
        listeners.add(listener);
    }

    public void removeListener(DocumentListener listener) {
        listeners.remove(listener);
    }

    public void fire(DocumentChange change) {
        if (change.kind() == DocumentChange.Kind.STRUCTURE) {
            structureChanged();
        }
        for (DocumentListener listener : listeners) {
            listener.documentChanged(change);
        }
    }

    @Override
    public String toString() {
        return "SeatDocument[" + name + ", " + sections.size() + " sections, " + seatCount() + " seats]";
    }
}
