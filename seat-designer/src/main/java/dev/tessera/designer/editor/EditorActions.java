package dev.tessera.designer.editor;

import dev.tessera.core.seatmap.Category;
import dev.tessera.core.seatmap.SeatFlag;
import dev.tessera.designer.i18n.Messages;
import dev.tessera.designer.job.BatchJob;
import dev.tessera.designer.job.Job;
import dev.tessera.designer.job.JobManager;
import dev.tessera.designer.job.PropertyEdit;
import dev.tessera.designer.job.SetPropertiesJob;
import dev.tessera.designer.job.StructureJob;
import dev.tessera.designer.job.TransformJob;
import dev.tessera.designer.model.BackgroundImage;
import dev.tessera.designer.model.DesignArea;
import dev.tessera.designer.model.DesignGate;
import dev.tessera.designer.model.DesignRow;
import dev.tessera.designer.model.DesignSeat;
import dev.tessera.designer.model.DesignSection;
import dev.tessera.designer.model.DocumentChange;
import dev.tessera.designer.model.IdAllocator;
import dev.tessera.designer.model.Placement;
import dev.tessera.designer.model.PlanElement;
import dev.tessera.designer.model.PlanLabel;
import dev.tessera.designer.model.PlanTable;
import dev.tessera.designer.model.SeatDocument;
import dev.tessera.designer.model.Selection;
import dev.tessera.designer.model.StageShape;
import dev.tessera.designer.numbering.Renumbering;
import dev.tessera.designer.numbering.RowLabels;
import dev.tessera.designer.numbering.SeatNumbering;
import dev.tessera.designer.validation.Problem;
import dev.tessera.designer.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The editor's commands as jobs on the current selection: delete, copy, paste, duplicate, nudge,
 * rotate, align, distribute, recategorize, flag, renumber. No UI here, so view-model tests drive
 * them without a stage; the skin binds buttons and keys to them.
 */
public final class EditorActions {
    /** How far a paste or duplicate is offset from the original, in centimetres. */
    public static final double PASTE_OFFSET = 100;

    private final Supplier<SeatDocument> document;
    private final JobManager jobs;
    private final Selection selection;
    private List<PlanElement> clipboard = List.of();
    private int pasteCount;

    public EditorActions(Supplier<SeatDocument> document, JobManager jobs, Selection selection) {
        this.document = document;
        this.jobs = jobs;
        this.selection = selection;
    }

    private SeatDocument doc() {
        return document.get();
    }

    private List<PlanElement> selected() {
        return new ArrayList<>(selection.elements());
    }

    public boolean delete() {
        List<Object> elements = new ArrayList<>();
        Set<DesignRow> touchedRows = new LinkedHashSet<>();
        for (PlanElement element : selection.elements()) {
            if (element instanceof StageShape) {
                continue;
            }
            elements.add(element);
            if (element instanceof DesignSeat seat && seat.row() != null) {
                touchedRows.add(seat.row());
            }
        }
        // rows left without seats go too, so no empty rows are left behind
        for (DesignRow row : touchedRows) {
            if (selection.elements().containsAll(row.seats())) {
                elements.add(row);
            }
        }
        boolean stage = selection.elements().stream().anyMatch(StageShape.class::isInstance);
        List<Job> parts = new ArrayList<>();
        if (!elements.isEmpty()) {
            parts.add(StructureJob.remove(doc(), elements, ""));
        }
        if (stage) {
            parts.add(new SetPropertiesJob(doc(), List.of(new PropertyEdit<>(doc(), SeatDocument::setStage,
                    doc().stage().orElse(null), null)), DocumentChange.Kind.LAYOUT, ""));
        }
        int count = selection.size();
        boolean done = jobs.push(new BatchJob(Messages.get("job.delete", count), parts));
        if (done) {
            selection.clear();
        }
        return done;
    }

    public void copy() {
        clipboard = selected();
        pasteCount = 0;
    }

    public boolean paste() {
        if (clipboard.isEmpty()) {
            return false;
        }
        pasteCount++;
        return insertCopies(clipboard, PASTE_OFFSET * pasteCount, Messages.get("job.paste", clipboard.size()));
    }

    public boolean duplicate() {
        List<PlanElement> originals = selected();
        return !originals.isEmpty() && insertCopies(originals, PASTE_OFFSET, Messages.get("job.duplicate", originals.size()));
    }

    /**
     * Copies of elements, offset. Seats are copied row by row into new rows of the same section
     * (new row labels, same seat numbers, new ids); the copies become the selection.
     */
    private boolean insertCopies(List<PlanElement> originals, double offset, String description) {
        SeatDocument d = doc();
        IdAllocator ids = new IdAllocator(d);
        List<Placement> placements = new ArrayList<>();
        List<PlanElement> copies = new ArrayList<>();
        Map<DesignRow, List<DesignSeat>> seatsByRow = new LinkedHashMap<>();
        for (PlanElement element : originals) {
            switch (element) {
                case DesignSeat seat when seat.row() != null ->
                        seatsByRow.computeIfAbsent(seat.row(), r -> new ArrayList<>()).add(seat);
                case DesignGate gate -> {
                    DesignGate copy = new DesignGate(ids.allocate(gate.id()), gate.name(), gate.x() + offset, gate.y() + offset);
                    placements.add(new Placement.OfGate(-1, copy));
                    copies.add(copy);
                }
                case PlanLabel label -> {
                    PlanLabel copy = new PlanLabel(label.text(), label.x() + offset, label.y() + offset, label.size());
                    placements.add(new Placement.OfLabel(-1, copy));
                    copies.add(copy);
                }
                case PlanTable table -> {
                    PlanTable copy = new PlanTable(table.x() + offset, table.y() + offset, table.radius());
                    placements.add(new Placement.OfTable(-1, copy));
                    copies.add(copy);
                }
                case DesignArea area -> {
                    DesignArea copy = new DesignArea(ids.allocate(area.id()), area.name(), area.categoryId(),
                            area.capacity(), area.outline());
                    copy.translate(offset, offset);
                    placements.add(new Placement.OfArea(-1, copy));
                    copies.add(copy);
                }
                default -> { }
            }
        }
        RowLabels.Letters letters = new RowLabels.Letters();
        Map<DesignSection, Integer> nextRow = new LinkedHashMap<>();
        for (Map.Entry<DesignRow, List<DesignSeat>> entry : seatsByRow.entrySet()) {
            DesignRow original = entry.getKey();
            DesignSection section = original.section();
            if (section == null) {
                continue;
            }
            int position = nextRow.computeIfAbsent(section, s -> {
                int next = 0;
                for (DesignRow row : s.rows()) {
                    next = Math.max(next, letters.positionOf(row.label()) + 1);
                }
                return next;
            });
            nextRow.put(section, position + 1);
            String label = letters.label(position);
            DesignRow row = new DesignRow(ids.allocate(section.id() + "-" + label), label);
            placements.add(new Placement.OfRow(section, -1, row));
            List<DesignSeat> seats = new ArrayList<>(entry.getValue());
            seats.sort(Comparator.comparingInt(s -> original.seats().indexOf(s)));
            for (int j = 0; j < seats.size(); j++) {
                DesignSeat seat = seats.get(j);
                DesignSeat copy = new DesignSeat(ids.allocate(row.id() + "-" + seat.label()), seat.label(),
                        seat.x() + offset, seat.y() + offset, seat.categoryId(), seat.flags());
                placements.add(new Placement.OfSeat(row, j, copy));
                copies.add(copy);
            }
        }
        boolean done = jobs.push(StructureJob.add(d, placements, description));
        if (done) {
            selection.select(copies);
        }
        return done;
    }

    public boolean nudge(double dx, double dy) {
        List<PlanElement> elements = selected();
        TransformJob job = new TransformJob(doc(), elements, e -> e.translate(dx, dy),
                Messages.get("job.nudge", elements.size()));
        return !elements.isEmpty() && jobs.push(job);
    }

    /** Rotates the selection about its centre; positive degrees turn clockwise on screen. */
    public boolean rotate(double degrees) {
        List<PlanElement> elements = selected();
        if (elements.isEmpty()) {
            return false;
        }
        double[] b = bounds(elements);
        return jobs.push(TransformJob.rotate(doc(), elements, (b[0] + b[2]) / 2, (b[1] + b[3]) / 2,
                Math.toRadians(degrees)));
    }

    public boolean align(Alignment alignment) {
        List<PlanElement> elements = selected();
        if (elements.size() < 2) {
            return false;
        }
        double[] all = bounds(elements);
        TransformJob job = new TransformJob(doc(), elements, e -> {
            double[] b = e.bounds();
            switch (alignment) {
                case LEFT -> e.translate(all[0] - b[0], 0);
                case RIGHT -> e.translate(all[2] - b[2], 0);
                case CENTER -> e.translate((all[0] + all[2]) / 2 - (b[0] + b[2]) / 2, 0);
                case TOP -> e.translate(0, all[1] - b[1]);
                case BOTTOM -> e.translate(0, all[3] - b[3]);
                case MIDDLE -> e.translate(0, (all[1] + all[3]) / 2 - (b[1] + b[3]) / 2);
            }
        }, Messages.get("job.align", elements.size()));
        return jobs.push(job);
    }

    /** Spaces the selection evenly between its outermost elements, across or down. */
    public boolean distribute(boolean horizontally) {
        List<PlanElement> elements = selected();
        if (elements.size() < 3) {
            return false;
        }
        int axis = horizontally ? 0 : 1;
        List<PlanElement> ordered = new ArrayList<>(elements);
        ordered.sort(Comparator.comparingDouble(e -> centre(e, axis)));
        double first = centre(ordered.getFirst(), axis);
        double step = (centre(ordered.getLast(), axis) - first) / (ordered.size() - 1);
        Map<PlanElement, Double> target = new LinkedHashMap<>();
        for (int i = 0; i < ordered.size(); i++) {
            target.put(ordered.get(i), first + i * step);
        }
        TransformJob job = new TransformJob(doc(), ordered, e -> {
            double delta = target.get(e) - centre(e, axis);
            e.translate(horizontally ? delta : 0, horizontally ? 0 : delta);
        }, Messages.get("job.distribute", elements.size()));
        return jobs.push(job);
    }

    public boolean setCategory(String categoryId) {
        List<PropertyEdit<?, ?>> edits = new ArrayList<>();
        for (PlanElement element : selection.elements()) {
            if (element instanceof DesignSeat seat) {
                edits.add(new PropertyEdit<>(seat, DesignSeat::setCategoryId, seat.categoryId(), categoryId));
            } else if (element instanceof DesignArea area) {
                edits.add(new PropertyEdit<>(area, DesignArea::setCategoryId, area.categoryId(), categoryId));
            }
        }
        return jobs.push(new SetPropertiesJob(doc(), edits, DocumentChange.Kind.SEATS_RESTYLED,
                Messages.get("job.category", edits.size())));
    }

    /** Sets or clears a flag on every selected seat. */
    public boolean setFlag(SeatFlag flag, boolean on) {
        List<PropertyEdit<?, ?>> edits = new ArrayList<>();
        for (DesignSeat seat : selection.seats()) {
            Set<SeatFlag> flags = seat.flags();
            EnumSet<SeatFlag> changed = flags.isEmpty() ? EnumSet.noneOf(SeatFlag.class) : EnumSet.copyOf(flags);
            if (on) {
                changed.add(flag);
            } else {
                changed.remove(flag);
            }
            edits.add(new PropertyEdit<Object, Set<SeatFlag>>(seat, (s, f) -> ((DesignSeat) s).setFlags(f), flags, changed));
        }
        return jobs.push(new SetPropertiesJob(doc(), edits, DocumentChange.Kind.SEATS_RESTYLED,
                Messages.get("job.flag", edits.size())));
    }

    public boolean renumber(RowLabels rowLabels, SeatNumbering numbering) {
        List<DesignSeat> seats = selection.seats();
        return !seats.isEmpty() && jobs.push(Renumbering.job(doc(), seats, rowLabels, numbering));
    }

    /** Replaces the category list (added, renamed, recoloured, removed) as one undoable step. */
    public boolean setCategories(List<Category> categories) {
        return jobs.push(new SetPropertiesJob(doc(), List.of(new PropertyEdit<>(doc(), SeatDocument::setCategories,
                List.copyOf(doc().categories()), List.copyOf(categories))), DocumentChange.Kind.LAYOUT,
                Messages.get("job.categories")));
    }

    public boolean setBackground(BackgroundImage background) {
        return jobs.push(new SetPropertiesJob(doc(), List.of(new PropertyEdit<>(doc(), SeatDocument::setBackground,
                doc().background().orElse(null), background)), DocumentChange.Kind.LAYOUT, Messages.get("job.background")));
    }

    public void selectAll() {
        List<PlanElement> all = new ArrayList<>(doc().seats());
        all.addAll(doc().areas());
        all.addAll(doc().gates());
        all.addAll(doc().labels());
        all.addAll(doc().tables());
        selection.select(all);
    }

    public List<Problem> validate() {
        return Validator.validate(doc());
    }

    static double[] bounds(List<PlanElement> elements) {
        double[] all = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            Double.NEGATIVE_INFINITY};
        for (PlanElement element : elements) {
            double[] b = element.bounds();
            all[0] = Math.min(all[0], b[0]);
            all[1] = Math.min(all[1], b[1]);
            all[2] = Math.max(all[2], b[2]);
            all[3] = Math.max(all[3], b[3]);
        }
        return all;
    }

    private static double centre(PlanElement element, int axis) {
        double[] b = element.bounds();
        return axis == 0 ? (b[0] + b[2]) / 2 : (b[1] + b[3]) / 2;
    }
}
