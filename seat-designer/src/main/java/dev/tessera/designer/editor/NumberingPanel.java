package dev.tessera.designer.editor;

import dev.tessera.designer.i18n.Messages;
import dev.tessera.designer.numbering.RowLabels;
import dev.tessera.designer.numbering.SeatNumbering;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** Renumbers the selected seats: row labels and seat numbers, as one undoable step. */
final class NumberingPanel extends VBox {
    enum RowScheme { LETTERS, NUMBERS, CUSTOM }

    final CheckBox relabelRows = new CheckBox(Messages.get("numbering.relabelRows"));
    final ChoiceBox<RowScheme> rowScheme = new ChoiceBox<>();
    final TextField rowStart = new TextField("1");
    final TextField customRows = new TextField();
    final CheckBox renumberSeats = new CheckBox(Messages.get("numbering.renumberSeats"));
    final ChoiceBox<SeatNumbering.Direction> direction = new ChoiceBox<>();
    final ChoiceBox<SeatNumbering.Sequence> sequence = new ChoiceBox<>();
    final Spinner<Integer> start = new Spinner<>(0, 100_000, 1);
    final TextField prefix = new TextField();
    final TextField suffix = new TextField();
    private final Label message = new Label();

    NumberingPanel(SeatDesigner designer) {
        super(8);
        setPadding(new Insets(8));
        relabelRows.setSelected(true);
        renumberSeats.setSelected(true);
        rowScheme.getItems().setAll(RowScheme.values());
        rowScheme.setValue(RowScheme.LETTERS);
        rowScheme.setConverter(converter("numbering.rows."));
        direction.getItems().setAll(SeatNumbering.Direction.values());
        direction.setValue(SeatNumbering.Direction.LEFT_TO_RIGHT);
        direction.setConverter(converter("numbering.direction."));
        sequence.getItems().setAll(SeatNumbering.Sequence.values());
        sequence.setValue(SeatNumbering.Sequence.CONSECUTIVE);
        sequence.setConverter(converter("numbering.sequence."));
        start.setEditable(true);
        customRows.setPromptText(Messages.get("numbering.customPrompt"));
        customRows.disableProperty().bind(rowScheme.valueProperty().isNotEqualTo(RowScheme.CUSTOM));
        rowStart.disableProperty().bind(rowScheme.valueProperty().isNotEqualTo(RowScheme.NUMBERS));
        for (var control : List.of(rowScheme, rowStart, customRows, direction, sequence, start, prefix, suffix)) {
            control.setMaxWidth(Double.MAX_VALUE);
        }
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        int row = 0;
        form.add(relabelRows, 0, row++, 2, 1);
        form.addRow(row++, label("numbering.rowScheme", rowScheme), rowScheme);
        form.addRow(row++, label("numbering.rowStart", rowStart), rowStart);
        form.addRow(row++, label("numbering.custom", customRows), customRows);
        form.add(renumberSeats, 0, row++, 2, 1);
        form.addRow(row++, label("numbering.direction", direction), direction);
        form.addRow(row++, label("numbering.sequence", sequence), sequence);
        form.addRow(row++, label("numbering.start", start), start);
        form.addRow(row++, label("numbering.prefix", prefix), prefix);
        form.addRow(row, label("numbering.suffix", suffix), suffix);
        Button apply = new Button(Messages.get("numbering.apply"));
        apply.setMaxWidth(Double.MAX_VALUE);
        apply.setOnAction(e -> {
            boolean done = designer.getActions().renumber(rowLabels(), numbering());
            message.setText(done ? "" : Messages.get("numbering.nothing"));
        });
        message.setWrapText(true);
        getChildren().addAll(form, apply, message);
    }

    RowLabels rowLabels() {
        if (!relabelRows.isSelected()) {
            return null;
        }
        return switch (rowScheme.getValue()) {
            case LETTERS -> new RowLabels.Letters();
            case NUMBERS -> new RowLabels.Numbers(parseInt(rowStart.getText(), 1));
            case CUSTOM -> {
                List<String> labels = Arrays.stream(customRows.getText().split(","))
                        .map(String::strip).filter(s -> !s.isEmpty()).toList();
                yield labels.isEmpty() ? new RowLabels.Letters() : new RowLabels.Custom(labels);
            }
        };
    }

    SeatNumbering numbering() {
        if (!renumberSeats.isSelected()) {
            return null;
        }
        return new SeatNumbering(direction.getValue(), sequence.getValue(), start.getValue(), prefix.getText(),
                suffix.getText());
    }

    private static int parseInt(String text, int fallback) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException notNumber) {
            return fallback;
        }
    }

    private static Label label(String key, javafx.scene.Node target) {
        Label label = new Label(Messages.get(key));
        // the words stay whole; the field beside gives up the width
        label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        label.setLabelFor(target);
        label.setMnemonicParsing(false);
        return label;
    }

    private static <E extends Enum<E>> StringConverter<E> converter(String prefix) {
        return new StringConverter<>() {
            @Override
            public String toString(E value) {
                return value == null ? "" : Messages.get(prefix + value.name().toLowerCase(Locale.ROOT));
            }

            @Override
            public E fromString(String text) {
                throw new UnsupportedOperationException("choice boxes do not parse");
            }
        };
    }
}
