package dev.tessera.desktop.organizer;

import dev.tessera.desktop.ui.Feedback;
import dev.tessera.desktop.ui.Localization;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;

/** The organizer panes' small building blocks: captions, buttons, fields and the status line. */
final class Ui {
    private Ui() {}

    static Label caption(String key, Localization l10n) {
        Label label = new Label();
        label.textProperty().bind(l10n.binding(key));
        label.getStyleClass().add("caption");
        label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return label;
    }

    static Label title(String key, Localization l10n) {
        Label label = caption(key, l10n);
        label.getStyleClass().setAll("label", "section-title");
        return label;
    }

    /** A button whose text may carry a mnemonic ("_Publish…" is Alt+P). */
    static Button button(String id, String key, Localization l10n) {
        Button b = new Button();
        b.setId(id);
        b.setMnemonicParsing(true);
        b.textProperty().bind(l10n.binding(key));
        b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return b;
    }

    static TextField field(String id, javafx.beans.property.StringProperty value, String promptKey, Localization l10n) {
        TextField field = new TextField();
        field.setId(id);
        field.textProperty().bindBidirectional(value);
        if (promptKey != null) {
            field.promptTextProperty().bind(l10n.binding(promptKey));
        }
        return field;
    }

    /** The pane's last sentence: red when it is a failure, hidden while there is none. */
    static Label status(String id, Feedback feedback, Localization l10n) {
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
    static void refocusAfterWork(Feedback feedback, javafx.scene.Node home) {
        feedback.busyProperty().addListener((obs, was, busy) -> {
            javafx.scene.Node owner = home.getScene() == null ? null : home.getScene().getFocusOwner();
            if (!busy && (owner == null || owner.isDisabled())) {
                home.requestFocus();
            }
        });
    }

    static <T> ListCell<T> cell(Function<T, String> text) {
        return new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        };
    }

    static javafx.beans.binding.StringBinding text(Localization l10n, java.util.concurrent.Callable<String> text,
                                                   javafx.beans.Observable... dependencies) {
        javafx.beans.Observable[] all = java.util.Arrays.copyOf(dependencies, dependencies.length + 1);
        all[dependencies.length] = l10n.localeProperty();
        return Bindings.createStringBinding(text, all);
    }
}
