package dev.tessera.designer.editor;

import dev.tessera.core.seatmap.Category;
import dev.tessera.core.seatmap.Point;
import dev.tessera.core.seatmap.SeatFlag;
import dev.tessera.designer.i18n.Messages;
import dev.tessera.designer.job.PropertyEdit;
import dev.tessera.designer.job.SetPropertiesJob;
import dev.tessera.designer.model.BackgroundImage;
import dev.tessera.designer.model.DesignArea;
import dev.tessera.designer.model.DesignGate;
import dev.tessera.designer.model.DesignRow;
import dev.tessera.designer.model.DesignSeat;
import dev.tessera.designer.model.DesignSection;
import dev.tessera.designer.model.DocumentChange;
import dev.tessera.designer.model.PlanElement;
import dev.tessera.designer.model.PlanLabel;
import dev.tessera.designer.model.SeatDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import javafx.collections.FXCollections;
import javafx.scene.layout.BorderPane;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.DefaultPropertyEditorFactory;
import org.controlsfx.property.editor.Editors;

/**
 * The properties of the selection in a ControlsFX PropertySheet: the document's when nothing is
 * selected, one seat's, the common values of many seats, an area's, a gate's, a label's. Every
 * change is one undoable job; the sheet refreshes after every job, undo and redo.
 */
final class PropertiesPanel extends BorderPane {
    private final SeatDesigner designer;
    private final PropertySheet sheet = new PropertySheet();
    private final DefaultPropertyEditorFactory defaults = new DefaultPropertyEditorFactory();

    PropertiesPanel(SeatDesigner designer) {
        this.designer = designer;
        sheet.setMode(PropertySheet.Mode.CATEGORY);
        sheet.setModeSwitcherVisible(false);
        sheet.setSearchBoxVisible(false);
        sheet.setPropertyEditorFactory(item -> {
            if (item instanceof SheetItem<?> s && s.choices() != null) {
                return Editors.createChoiceEditor(item, FXCollections.observableArrayList(s.choices()));
            }
            if (item.getType() == String.class) {
                return new CommitTextEditor<>(item, text -> {
                    if (text.isBlank()) {
                        throw new IllegalArgumentException("blank");
                    }
                    return text.strip();
                });
            }
            if (item.getType() == Double.class) {
                return new CommitTextEditor<>(item, text -> Double.valueOf(text.strip().replace(',', '.')));
            }
            if (item.getType() == Integer.class) {
                return new CommitTextEditor<>(item, text -> Integer.valueOf(text.strip()));
            }
            return defaults.call(item);
        });
        setCenter(sheet);
        designer.getSelection().addListener(this::refresh);
        designer.getJobManager().revisionProperty().addListener((obs, old, now) -> refresh());
        designer.documentProperty().addListener((obs, old, now) -> refresh());
        refresh();
    }

    void refresh() {
        SeatDocument d = designer.getDocument();
        if (d == null) {
            sheet.getItems().clear();
            return;
        }
        List<PlanElement> selected = new ArrayList<>(designer.getSelection().elements());
        List<PropertySheet.Item> items = new ArrayList<>();
        List<DesignSeat> seats = designer.getSelection().seats();
        if (selected.isEmpty()) {
            documentItems(d, items);
        } else if (seats.size() == 1 && selected.size() == 1) {
            seatItems(d, seats.getFirst(), items);
        } else if (!seats.isEmpty()) {
            seatsItems(d, seats, items);
        } else if (selected.size() == 1) {
            elementItems(d, selected.getFirst(), items);
        }
        sheet.getItems().setAll(items);
    }

    private <E, V> void set(E element, BiConsumer<E, V> setter, V old, V value, String what, DocumentChange.Kind kind) {
        designer.push(new SetPropertiesJob(designer.getDocument(), List.of(new PropertyEdit<>(element, setter, old, value)),
                kind, Messages.get("job.property", what)));
    }

    private void documentItems(SeatDocument d, List<PropertySheet.Item> items) {
        String group = Messages.get("properties.venue");
        String name = Messages.get("properties.name");
        items.add(new SheetItem<>(group, name, String.class, d::name,
                v -> set(d, SeatDocument::setName, d.name(), v, name, DocumentChange.Kind.LAYOUT)));
        String fx = Messages.get("properties.focalX");
        items.add(new SheetItem<>(group, fx, Double.class, () -> d.focalPoint().x(),
                v -> set(d, SeatDocument::setFocalPoint, d.focalPoint(), new Point(v, d.focalPoint().y()), fx,
                        DocumentChange.Kind.LAYOUT)));
        String fy = Messages.get("properties.focalY");
        items.add(new SheetItem<>(group, fy, Double.class, () -> d.focalPoint().y(),
                v -> set(d, SeatDocument::setFocalPoint, d.focalPoint(), new Point(d.focalPoint().x(), v), fy,
                        DocumentChange.Kind.LAYOUT)));
        items.add(new SheetItem<>(group, Messages.get("properties.seats"), Integer.class, d::seatCount, null));
        d.background().ifPresent(b -> {
            String bg = Messages.get("properties.background");
            String opacity = Messages.get("properties.opacity");
            items.add(new SheetItem<>(bg, opacity, Double.class, b::opacity,
                    v -> set(d, SeatDocument::setBackground, b, b.withOpacity(Math.max(0, Math.min(1, v))), opacity,
                            DocumentChange.Kind.LAYOUT)));
            String scale = Messages.get("properties.scale");
            items.add(new SheetItem<>(bg, scale, Double.class, b::centimetresPerPixel,
                    v -> set(d, SeatDocument::setBackground, b, v > 0 ? b.withScale(v) : b, scale, DocumentChange.Kind.LAYOUT)));
            String x = Messages.get("properties.x");
            items.add(new SheetItem<>(bg, x, Double.class, b::x, v -> set(d, SeatDocument::setBackground, b,
                    new BackgroundImage(b.location(), v, b.y(), b.centimetresPerPixel(), b.opacity()), x,
                    DocumentChange.Kind.LAYOUT)));
            String y = Messages.get("properties.y");
            items.add(new SheetItem<>(bg, y, Double.class, b::y, v -> set(d, SeatDocument::setBackground, b,
                    new BackgroundImage(b.location(), b.x(), v, b.centimetresPerPixel(), b.opacity()), y,
                    DocumentChange.Kind.LAYOUT)));
        });
    }

    private void seatItems(SeatDocument d, DesignSeat seat, List<PropertySheet.Item> items) {
        String group = Messages.get("properties.seat");
        items.add(new SheetItem<>(group, Messages.get("properties.id"), String.class, seat::id, null));
        String number = Messages.get("properties.number");
        items.add(new SheetItem<>(group, number, String.class, seat::label,
                v -> set(seat, DesignSeat::setLabel, seat.label(), v, number, DocumentChange.Kind.SEATS_RESTYLED)));
        String x = Messages.get("properties.x");
        items.add(new SheetItem<>(group, x, Double.class, seat::x, v -> designer.push(new dev.tessera.designer.job.TransformJob(
                d, List.of(seat), e -> e.translate(v - seat.x(), 0), Messages.get("job.property", x)))));
        String y = Messages.get("properties.y");
        items.add(new SheetItem<>(group, y, Double.class, seat::y, v -> designer.push(new dev.tessera.designer.job.TransformJob(
                d, List.of(seat), e -> e.translate(0, v - seat.y()), Messages.get("job.property", y)))));
        DesignRow row = seat.row();
        if (row != null) {
            String rowGroup = Messages.get("properties.row");
            String label = Messages.get("properties.rowLabel");
            items.add(new SheetItem<>(rowGroup, label, String.class, row::label,
                    v -> set(row, DesignRow::setLabel, row.label(), v, label, DocumentChange.Kind.LAYOUT)));
            DesignSection section = row.section();
            if (section != null) {
                String sectionName = Messages.get("properties.sectionName");
                items.add(new SheetItem<>(rowGroup, sectionName, String.class, section::name,
                        v -> set(section, DesignSection::setName, section.name(), v, sectionName, DocumentChange.Kind.LAYOUT)));
            }
        }
        seatsItems(d, List.of(seat), items);
    }

    private void seatsItems(SeatDocument d, List<DesignSeat> seats, List<PropertySheet.Item> items) {
        String group = seats.size() == 1 ? Messages.get("properties.seat") : Messages.get("properties.seatsSelected", seats.size());
        if (seats.size() > 1) {
            items.add(new SheetItem<>(group, Messages.get("properties.seats"), Integer.class, seats::size, null));
        }
        List<String> categories = d.categories().stream().map(Category::id).toList();
        String category = Messages.get("properties.category");
        String common = seats.stream().map(DesignSeat::categoryId).distinct().count() == 1 ? seats.getFirst().categoryId() : null;
        items.add(new SheetItem<>(group, category, String.class, () -> common,
                v -> designer.getActions().setCategory(v), categories));
        for (SeatFlag flag : SeatFlag.values()) {
            String name = Messages.get("flag." + flag.name().toLowerCase(Locale.ROOT));
            boolean all = seats.stream().allMatch(s -> s.has(flag));
            items.add(new SheetItem<>(group, name, Boolean.class, () -> all, v -> designer.getActions().setFlag(flag, v)));
        }
    }

    private void elementItems(SeatDocument d, PlanElement element, List<PropertySheet.Item> items) {
        String name = Messages.get("properties.name");
        switch (element) {
            case DesignArea area -> {
                String group = Messages.get("properties.area");
                items.add(new SheetItem<>(group, Messages.get("properties.id"), String.class, area::id, null));
                items.add(new SheetItem<>(group, name, String.class, area::name,
                        v -> set(area, DesignArea::setName, area.name(), v, name, DocumentChange.Kind.LAYOUT)));
                String capacity = Messages.get("properties.capacity");
                items.add(new SheetItem<>(group, capacity, Integer.class, area::capacity,
                        v -> set(area, DesignArea::setCapacity, area.capacity(), Math.max(1, v), capacity,
                                DocumentChange.Kind.LAYOUT)));
                String category = Messages.get("properties.category");
                items.add(new SheetItem<>(group, category, String.class, area::categoryId,
                        v -> set(area, DesignArea::setCategoryId, area.categoryId(), v, category, DocumentChange.Kind.LAYOUT),
                        d.categories().stream().map(Category::id).toList()));
            }
            case DesignGate gate -> {
                String group = Messages.get("properties.gate");
                items.add(new SheetItem<>(group, Messages.get("properties.id"), String.class, gate::id, null));
                items.add(new SheetItem<>(group, name, String.class, gate::name,
                        v -> set(gate, DesignGate::setName, gate.name(), v, name, DocumentChange.Kind.LAYOUT)));
            }
            case PlanLabel label -> {
                String group = Messages.get("properties.label");
                String text = Messages.get("properties.text");
                items.add(new SheetItem<>(group, text, String.class, label::text,
                        v -> set(label, PlanLabel::setText, label.text(), v, text, DocumentChange.Kind.LAYOUT)));
                String size = Messages.get("properties.size");
                items.add(new SheetItem<>(group, size, Double.class, label::size,
                        v -> set(label, PlanLabel::setSize, label.size(), Math.max(1, v), size, DocumentChange.Kind.LAYOUT)));
            }
            default -> { }
        }
    }
}
