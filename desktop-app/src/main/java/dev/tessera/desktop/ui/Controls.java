package dev.tessera.desktop.ui;

import java.util.function.Function;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The small building blocks the workspaces share: captions, buttons, radio buttons, sections, item names. */
public final class Controls {
    private Controls() {}

    /** A caption in the current language. */
    public static Label caption(String key, Localization l10n) {
        Label label = new Label();
        label.textProperty().bind(l10n.binding(key));
        label.getStyleClass().add("caption");
        return label;
    }

    /** A button with a node id (what tests and shortcuts find) and its text in the current language. */
    public static Button button(String id, String key, Localization l10n) {
        Button b = new Button();
        b.setId(id);
        b.textProperty().bind(l10n.binding(key));
        return b;
    }

    public static RadioButton radio(String id, String key, Object data, ToggleGroup group, Localization l10n) {
        RadioButton r = new RadioButton();
        r.setId(id);
        r.textProperty().bind(l10n.binding(key));
        r.setUserData(data);
        r.setToggleGroup(group);
        return r;
    }

    /** A titled block of a counter panel ({@code .counter-section} in tessera.css). */
    public static VBox section(String key, Localization l10n, Node... children) {
        return section(new VBox(), key, l10n, children);
    }

    /** Makes {@code box} a titled block of a counter panel: for a view that is itself one. */
    public static <B extends VBox> B section(B box, String key, Localization l10n, Node... children) {
        Label title = caption(key, l10n);
        title.getStyleClass().add("section-title");
        box.setSpacing(6);
        box.getChildren().add(title);
        box.getChildren().addAll(children);
        box.getStyleClass().add("counter-section");
        return box;
    }

    /** How a choice box or combo box names its items; they are picked, never typed, and null shows as "". */
    public static <T> StringConverter<T> names(Function<T, String> name) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : name.apply(value);
            }

            @Override
            public T fromString(String string) {
                return null;
            }
        };
    }

    /** Shows {@code node} only while {@code when} holds, taking no room while hidden. */
    public static void show(Node node, ObservableBooleanValue when) {
        node.visibleProperty().bind(when);
        node.managedProperty().bind(node.visibleProperty());
    }
}
