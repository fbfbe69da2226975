package dev.tessera.designer.render;

import dev.tessera.core.seatmap.Category;
import dev.tessera.core.seatmap.SeatFlag;
import dev.tessera.designer.model.DesignSeat;
import dev.tessera.designer.model.DocumentChange;
import dev.tessera.designer.model.DocumentListener;
import dev.tessera.designer.model.PlanElement;
import dev.tessera.designer.model.SeatDocument;
import dev.tessera.designer.model.Selection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps a {@link SeatLayer} in step with a {@link SeatDocument} and its {@link Selection}: the
 * editor's mode of the renderer. Seats are drawn in their category's colour, paler when not for
 * sale, grey without a category; a move repaints the plan, a restyle only the seats concerned.
 */
public final class DocumentRendering {
    static final int NO_CATEGORY = 0xFF9E9E9E;

    private final SeatLayer layer;
    private final PlanSurface surface;
    private final Selection selection;
    private final DocumentListener listener = this::documentChanged;
    private final Runnable selectionListener = this::selectionChanged;
    private SeatDocument document;
    private Map<String, Integer> categoryColors = Map.of();
    private int[] selected = new int[0];

    public DocumentRendering(PlanSurface surface, Selection selection) {
        this.surface = surface;
        this.layer = surface.layer();
        this.selection = selection;
        selection.addListener(selectionListener);
    }

    public void setDocument(SeatDocument newDocument) {
        if (document != null) {
            document.removeListener(listener);
        }
        document = newDocument;
        if (document != null) {
            document.addListener(listener);
        }
        rebuild();
    }

    public SeatDocument document() {
        return document;
    }

    /** Re-reads every seat: after opening a file or a structural change. */
    public void rebuild() {
        if (document == null) {
            layer.setSeats(new float[0], new float[0], new int[0], 0);
            surface.requestFullRedraw();
            return;
        }
        readCategories();
        List<DesignSeat> seats = document.seats();
        int n = seats.size();
        float[] xs = new float[n];
        float[] ys = new float[n];
        int[] fills = new int[n];
        for (int i = 0; i < n; i++) {
            DesignSeat seat = seats.get(i);
            xs[i] = (float) seat.x();
            ys[i] = (float) seat.y();
            fills[i] = fillOf(seat);
        }
        layer.setSeats(xs, ys, fills, n);
        selected = new int[0];
        selectionChanged();
        surface.requestFullRedraw();
    }

    public int fillOf(DesignSeat seat) {
        Integer color = seat.categoryId() == null ? null : categoryColors.get(seat.categoryId());
        int fill = color == null ? NO_CATEGORY : color;
        return seat.has(SeatFlag.NOT_FOR_SALE) ? Colors.pale(fill) : fill;
    }

    private void readCategories() {
        Map<String, Integer> colors = new HashMap<>();
        for (Category category : document.categories()) {
            colors.put(category.id(), Colors.argb(category.color()));
        }
        categoryColors = colors;
    }

    private void documentChanged(DocumentChange change) {
        switch (change.kind()) {
            case STRUCTURE -> rebuild();
            case SEATS_MOVED -> {
                if (layer.count() != document.seatCount()) {
                    rebuild();
                    return;
                }
                for (DesignSeat seat : change.seats()) {
                    int i = seat.index();
                    if (i >= 0 && i < layer.count()) {
                        layer.setPosition(i, seat.x(), seat.y());
                    }
                }
                surface.requestFullRedraw();
            }
            case SEATS_RESTYLED -> {
                int[] changed = new int[change.seats().size()];
                int n = 0;
                for (DesignSeat seat : change.seats()) {
                    int i = seat.index();
                    if (i >= 0 && i < layer.count()) {
                        layer.setFill(i, fillOf(seat));
                        changed[n++] = i;
                    }
                }
                surface.requestSeats(java.util.Arrays.copyOf(changed, n));
                surface.requestOverlay();
            }
            case LAYOUT -> {
                readCategories();
                List<DesignSeat> seats = document.seats();
                for (int i = 0; i < Math.min(seats.size(), layer.count()); i++) {
                    layer.setFill(i, fillOf(seats.get(i)));
                }
                surface.requestFullRedraw();
            }
        }
    }

    private void selectionChanged() {
        if (document == null) {
            return;
        }
        int[] previous = selected;
        for (int i : previous) {
            if (i < layer.count()) {
                layer.setMarks(i, (byte) 0);
            }
        }
        List<DesignSeat> seats = document.seats();
        int[] now = new int[selection.size()];
        int n = 0;
        for (PlanElement element : selection.elements()) {
            if (element instanceof DesignSeat seat && seat.index() >= 0 && seat.index() < layer.count()
                    && seats.get(seat.index()) == seat) {
                layer.setMarks(seat.index(), SeatLayer.SELECTED);
                now[n++] = seat.index();
            }
        }
        selected = java.util.Arrays.copyOf(now, n);
        if (previous.length + selected.length > 20_000) {
            surface.requestFullRedraw();
        } else {
            surface.requestSeats(previous);
            surface.requestSeats(selected);
            surface.requestOverlay();
        }
    }
}
