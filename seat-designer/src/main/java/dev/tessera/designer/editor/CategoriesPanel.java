package dev.tessera.designer.editor;

import dev.tessera.core.seatmap.Category;
import dev.tessera.designer.i18n.Messages;
import dev.tessera.designer.model.DesignSeat;
import dev.tessera.designer.render.Colors;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

/** Price categories: add, rename, recolour, remove (when unused), and assign to the selection. */
final class CategoriesPanel extends VBox {
    private final SeatDesigner designer;
    private final ListView<Category> list = new ListView<>();
    private final TextField name = new TextField();
    private final ColorPicker color = new ColorPicker(Color.web("#2E86C1"));
    private final Label message = new Label();

    CategoriesPanel(SeatDesigner designer) {
        super(6);
        this.designer = designer;
        setPadding(new Insets(8));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Category item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.name() + "  (" + item.id() + ")");
                setGraphic(empty || item == null ? null : new Rectangle(14, 14, Color.web(item.color())));
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                name.setText(now.name());
                color.setValue(Color.web(now.color()));
                designer.getOptions().categoryId.set(now.id());
            }
        });
        list.setAccessibleText(Messages.get("categories.title"));
        VBox.setVgrow(list, Priority.ALWAYS);
        name.setPromptText(Messages.get("categories.name"));
        name.setAccessibleText(Messages.get("categories.name"));
        color.setAccessibleText(Messages.get("categories.color"));
        Button add = new Button(Messages.get("categories.add"));
        add.setOnAction(e -> add());
        Button apply = new Button(Messages.get("categories.apply"));
        apply.setOnAction(e -> apply());
        Button remove = new Button(Messages.get("categories.remove"));
        remove.setOnAction(e -> remove());
        Button assign = new Button(Messages.get("categories.assign"));
        assign.setId("categories-assign");
        assign.setOnAction(e -> assign());
        message.setId("categories-message");
        message.setWrapText(true);
        getChildren().addAll(list, name, color, new HBox(6, add, apply, remove), assign, message);
        designer.getJobManager().revisionProperty().addListener((obs, old, now) -> refresh());
        designer.documentProperty().addListener((obs, old, now) -> refresh());
        refresh();
    }

    private void refresh() {
        Category selected = list.getSelectionModel().getSelectedItem();
        list.getItems().setAll(designer.getDocument().categories());
        if (selected != null) {
            list.getItems().stream().filter(c -> c.id().equals(selected.id())).findFirst()
                    .ifPresent(c -> list.getSelectionModel().select(c));
        }
    }

    /**
     * The category picked in the list, or else the one the toolbar shows, to every seat and area of the current
     * selection; says in words what it did, or what to do first (it used to do nothing without a picked row).
     */
    void assign() {
        Category picked = list.getSelectionModel().getSelectedItem();
        String id = picked != null ? picked.id() : designer.getOptions().categoryId.get();
        Category category = designer.getDocument().categories().stream().filter(c -> c.id().equals(id)).findFirst()
                .orElse(null);
        if (category == null) {
            message.setText(Messages.get("categories.assign.noCategory"));
            return;
        }
        long targets = designer.getSelection().elements().stream()
                .filter(el -> el instanceof DesignSeat || el instanceof dev.tessera.designer.model.DesignArea).count();
        if (targets == 0) {
            message.setText(Messages.get("categories.assign.noSelection", category.name()));
            return;
        }
        designer.getActions().setCategory(category.id());
        message.setText(Messages.get("categories.assign.done", category.name(), targets));
    }

    private void add() {
        String text = name.getText() == null || name.getText().isBlank() ? Messages.get("categories.newName") : name.getText().strip();
        List<Category> categories = new ArrayList<>(designer.getDocument().categories());
        String id = uniqueCategoryId(text, categories);
        categories.add(new Category(id, text, Colors.hex(color.getValue())));
        designer.getActions().setCategories(categories);
        message.setText("");
    }

    private void apply() {
        Category selected = list.getSelectionModel().getSelectedItem();
        if (selected == null || name.getText() == null || name.getText().isBlank()) {
            return;
        }
        List<Category> categories = new ArrayList<>(designer.getDocument().categories());
        categories.replaceAll(c -> c.id().equals(selected.id())
                ? new Category(c.id(), name.getText().strip(), Colors.hex(color.getValue())) : c);
        designer.getActions().setCategories(categories);
    }

    private void remove() {
        Category selected = list.getSelectionModel().getSelectedItem();
        if (selected == null) {
            return;
        }
        long used = designer.getDocument().seats().stream().map(DesignSeat::categoryId)
                .filter(selected.id()::equals).count();
        used += designer.getDocument().areas().stream().filter(a -> selected.id().equals(a.categoryId())).count();
        if (used > 0) {
            message.setText(Messages.get("categories.inUse", selected.name(), used));
            return;
        }
        List<Category> categories = new ArrayList<>(designer.getDocument().categories());
        categories.removeIf(c -> c.id().equals(selected.id()));
        designer.getActions().setCategories(categories);
        message.setText("");
    }

    private String uniqueCategoryId(String text, List<Category> categories) {
        String base = text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-");
        if (base.isEmpty() || !Character.isLetterOrDigit(base.charAt(0))) {
            base = "category";
        }
        String id = base;
        int n = 2;
        while (true) {
            String candidate = id;
            if (categories.stream().noneMatch(c -> c.id().equals(candidate))) {
                return candidate;
            }
            id = base + "-" + n++;
        }
    }

}
