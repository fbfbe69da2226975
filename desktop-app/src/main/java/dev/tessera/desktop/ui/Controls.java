package dev.tessera.desktop.ui;

import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The small building blocks the workspaces share: captions, buttons, radio buttons, fields, sections, item names, list
 * cells and the status line.
 */
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

    /** A caption that keeps its whole text however narrow its row gets (the organizer's forms). */
    public static Label wholeCaption(String key, Localization l10n) {
        Label label = new Label();
        label.textProperty().bind(l10n.binding(key));
        label.getStyleClass().add("caption");
        label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return label;
    }

    /** A section's title that keeps its whole text. */
    public static Label title(String key, Localization l10n) {
        Label label = wholeCaption(key, l10n);
        label.getStyleClass().setAll("label", "section-title");
        return label;
    }

    /** A button whose text may carry a mnemonic ("_Publish…" is Alt+P) and is never cut short. */
    public static Button mnemonicButton(String id, String key, Localization l10n) {
        Button b = new Button();
        b.setId(id);
        b.setMnemonicParsing(true);
        b.textProperty().bind(l10n.binding(key));
        b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return b;
    }

    /** A text field bound both ways to {@code value}, with its prompt in the current language. */
    public static TextField field(String id, javafx.beans.property.StringProperty value, String promptKey, Localization l10n) {
        TextField field = new TextField();
        field.setId(id);
        field.textProperty().bindBidirectional(value);
        if (promptKey != null) {
            field.promptTextProperty().bind(l10n.binding(promptKey));
        }
        return field;
    }

    /** The pane's last sentence: red when it is a failure, hidden while there is none. */
    public static Label status(String id, Feedback feedback, Localization l10n) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.getStyleClass().add("status-note");
        label.textProperty().bind(l10n.binding(feedback.messageProperty()));
        label.visibleProperty().bind(feedback.messageProperty().isNotNull());
        label.managedProperty().bind(label.visibleProperty());
        feedback.failedProperty().addListener((obs, old, now) ->
                label.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("failed"), now));
        label.setMaxWidth(Double.MAX_VALUE);
        label.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return label;
    }

    /** Work that disables the focused control loses the keyboard: give it back to {@code home} when the work ends. */
    public static void refocusAfterWork(Feedback feedback, javafx.scene.Node home) {
        feedback.busyProperty().addListener((obs, was, busy) -> {
            javafx.scene.Node owner = home.getScene() == null ? null : home.getScene().getFocusOwner();
            if (!busy && (owner == null || owner.isDisabled())) {
                home.requestFocus();
            }
        });
    }

    /** A list cell that shows its item in words, and nothing for an empty row. */
    public static <T> ListCell<T> cell(Function<T, String> text) {
        return new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        };
    }

    /** Text computed from {@code dependencies} that follows the language too. */
    public static javafx.beans.binding.StringBinding text(Localization l10n, java.util.concurrent.Callable<String> text,
                                                   javafx.beans.Observable... dependencies) {
        javafx.beans.Observable[] all = java.util.Arrays.copyOf(dependencies, dependencies.length + 1);
        all[dependencies.length] = l10n.localeProperty();
        return Bindings.createStringBinding(text, all);
    }
}
