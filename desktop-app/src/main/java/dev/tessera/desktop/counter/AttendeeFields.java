package dev.tessera.desktop.counter;

import dev.tessera.desktop.ui.Localization;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Claim 70: the attendee names an event requires, asked for one ticket at a time: a heading that says how many are
 * still missing, then the place of each ticket beside its own name field ({@code attendeeName0}, {@code
 * attendeeName1}, ...). Enter goes to the next field, and from the last one runs {@code onLast} (the sale's next
 * step); Tab moves as everywhere. {@code stacked}: each place above its field, for a narrow side panel.
 */
public final class AttendeeFields extends VBox {
    private final AttendeeForm form;
    private final Localization l10n;
    private final Runnable onLast;
    private final boolean stacked;
    private final GridPane grid = new GridPane();

    public AttendeeFields(AttendeeForm form, Localization l10n, Runnable onLast) {
        this(form, l10n, onLast, false);
    }

    public AttendeeFields(AttendeeForm form, Localization l10n, Runnable onLast, boolean stacked) {
        super(6);
        this.form = form;
        this.l10n = l10n;
        this.onLast = onLast;
        this.stacked = stacked;
        getStyleClass().add("attendee-fields");
        Label heading = new Label();
        heading.setId("attendeeNamesHeading");
        heading.setWrapText(true);
        heading.getStyleClass().add("attendee-fields-heading");
        heading.textProperty().bind(Bindings.createStringBinding(() -> form.missingProperty().get() == 0
                        ? l10n.text("attendees.required.done")
                        : l10n.text("attendees.required.missing", form.missingProperty().get()),
                form.missingProperty(), l10n.localeProperty()));
        heading.pseudoClassStateChanged(MISSING, form.missingProperty().get() > 0);
        form.missingProperty().addListener((obs, old, now) -> heading.pseudoClassStateChanged(MISSING, now.intValue() > 0));
        grid.setHgap(8);
        grid.setVgap(6);
        getChildren().addAll(heading, grid);
        form.lines().addListener((ListChangeListener<AttendeeForm.Line>) change -> rebuild());
        rebuild();
    }

    private static final javafx.css.PseudoClass MISSING = javafx.css.PseudoClass.getPseudoClass("missing");

    private void rebuild() {
        grid.getChildren().clear();
        List<TextField> fields = new ArrayList<>();
        List<AttendeeForm.Line> lines = form.lines();
        for (int i = 0; i < lines.size(); i++) {
            AttendeeForm.Line line = lines.get(i);
            Label place = new Label();
            place.textProperty().bind(l10n.binding(new javafx.beans.property.SimpleObjectProperty<>(line.place())));
            place.setMinWidth(Label.USE_PREF_SIZE);
            TextField name = new TextField();
            name.setId("attendeeName" + i);
            name.promptTextProperty().bind(l10n.binding("attendees.required.prompt"));
            name.textProperty().bindBidirectional(line.name());
            place.setLabelFor(name);
            GridPane.setHgrow(name, Priority.ALWAYS);
            if (stacked) {
                name.setMaxWidth(Double.MAX_VALUE);
                grid.add(place, 0, 2 * i);
                grid.add(name, 0, 2 * i + 1);
            } else {
                grid.addRow(i, place, name);
            }
            fields.add(name);
        }
        for (int i = 0; i < fields.size(); i++) {
            TextField next = i + 1 < fields.size() ? fields.get(i + 1) : null;
            fields.get(i).setOnAction(e -> {
                if (next != null) {
                    next.requestFocus();
                } else {
                    onLast.run();
                }
            });
        }
        setAlignment(Pos.TOP_LEFT);
        if (!fields.isEmpty()) {
            // keyboard first: the new hold's first name field takes the keys once it is shown
            TextField first = fields.getFirst();
            javafx.application.Platform.runLater(() -> {
                if (first.getScene() != null && isVisible()) {
                    first.requestFocus();
                }
            });
        }
    }
}
