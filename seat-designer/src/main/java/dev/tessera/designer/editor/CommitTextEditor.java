package dev.tessera.designer.editor;

import java.util.function.Function;
import javafx.scene.Node;
import javafx.scene.control.TextField;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.PropertyEditor;

/**
 * A text editor for the property sheet that commits on Enter or when it loses focus, not on every
 * keystroke, so that typing a name is one undoable step. Escape or an unreadable value reverts.
 */
final class CommitTextEditor<T> implements PropertyEditor<T> {
    private final TextField field = new TextField();
    private final PropertySheet.Item item;
    private final Function<String, T> parse;
    private T value;

    CommitTextEditor(PropertySheet.Item item, Function<String, T> parse) {
        this.item = item;
        this.parse = parse;
        field.setEditable(item.isEditable());
        field.setOnAction(e -> commit());
        field.focusedProperty().addListener((obs, was, now) -> {
            if (!now) {
                commit();
            }
        });
        field.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE) {
                setValue(value);
                e.consume();
            }
        });
    }

    private void commit() {
        T parsed;
        try {
            parsed = parse.apply(field.getText());
        } catch (IllegalArgumentException unreadable) {
            setValue(value);
            return;
        }
        if (parsed != null && !parsed.equals(value)) {
            value = parsed;
            item.setValue(parsed);
        }
    }

    @Override
    public Node getEditor() {
        return field;
    }

    @Override
    public T getValue() {
        return value;
    }

    @Override
    public void setValue(T newValue) {
        value = newValue;
        field.setText(newValue == null ? "" : newValue instanceof Double d ? format(d) : newValue.toString());
    }

    private static String format(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(Math.round(d * 100) / 100.0);
    }
}
