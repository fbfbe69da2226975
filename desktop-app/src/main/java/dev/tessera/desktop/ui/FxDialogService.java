package dev.tessera.desktop.ui;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.stage.Window;

/** Dialogs as JavaFX alerts, in the chosen language, styled like the rest of the app. */
public final class FxDialogService implements DialogService {
    private final Localization l10n;

    public FxDialogService(Localization l10n) {
        this.l10n = l10n;
    }

    @Override
    public boolean askRetryAfterStartupFailure(Message reason) {
        ButtonType retry = new ButtonType(l10n.text("dialog.retry"), ButtonBar.ButtonData.OK_DONE);
        ButtonType quit = new ButtonType(l10n.text("dialog.quit"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = alert(Message.of("startup.error.title"), reason, retry, quit);
        return alert.showAndWait().filter(retry::equals).isPresent();
    }

    @Override
    public void showError(Message title, Message detail) {
        alert(title, detail, new ButtonType(l10n.text("dialog.close"), ButtonBar.ButtonData.OK_DONE)).showAndWait();
    }

    @Override
    public boolean confirm(Message question, Message consequence, Message action) {
        ButtonType act = new ButtonType(l10n.text(action), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(l10n.text("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = alert(Alert.AlertType.CONFIRMATION, question, consequence, act, cancel);
        alert.getDialogPane().setId("confirmDialog");
        alert.getDialogPane().lookupButton(act).setId("confirmAction");
        alert.getDialogPane().lookupButton(cancel).setId("confirmCancel");
        return alert.showAndWait().filter(act::equals).isPresent();
    }

    @Override
    public boolean preview(Message title, java.util.List<java.awt.image.BufferedImage> pages, Message action) {
        javafx.scene.control.Dialog<ButtonType> dialog = new javafx.scene.control.Dialog<>();
        Window.getWindows().stream().filter(Window::isFocused).findFirst().ifPresent(dialog::initOwner);
        dialog.setTitle(l10n.text("app.name"));
        dialog.setHeaderText(l10n.text(title));
        ButtonType close = new ButtonType(l10n.text("dialog.close"), ButtonBar.ButtonData.CANCEL_CLOSE);
        ButtonType act = action == null ? null : new ButtonType(l10n.text(action), ButtonBar.ButtonData.OK_DONE);
        if (act != null) {
            dialog.getDialogPane().getButtonTypes().add(act);
        }
        dialog.getDialogPane().getButtonTypes().add(close);
        javafx.scene.layout.VBox sheets = new javafx.scene.layout.VBox(12);
        sheets.getStyleClass().add("preview-pages");
        sheets.setAlignment(javafx.geometry.Pos.TOP_CENTER);
        for (java.awt.image.BufferedImage page : pages) {
            javafx.scene.image.ImageView view = new javafx.scene.image.ImageView(
                    javafx.embed.swing.SwingFXUtils.toFXImage(page, null));
            view.getStyleClass().add("preview-page");
            view.setPreserveRatio(true);
            view.setFitWidth(Math.min(page.getWidth(), 560));
            sheets.getChildren().add(new javafx.scene.layout.StackPane(view));
        }
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(sheets);
        scroll.setId("previewPages");
        scroll.setFitToWidth(true);
        scroll.setPrefViewportWidth(600);
        scroll.setPrefViewportHeight(560);
        dialog.getDialogPane().setContent(scroll);
        dialog.getDialogPane().setId("previewDialog");
        if (act != null) {
            dialog.getDialogPane().lookupButton(act).setId("previewAction");
        }
        dialog.getDialogPane().lookupButton(close).setId("previewClose");
        dialog.getDialogPane().getStylesheets().add(Stylesheets.APP);
        dialog.getDialogPane().getStyleClass().add("tessera-dialog");
        dialog.setResizable(true);
        java.util.Optional<ButtonType> answer = dialog.showAndWait();
        return act != null && answer.filter(act::equals).isPresent();
    }

    @Override
    public java.util.Optional<String> choose(Message question, java.util.List<String> choices, String preferred) {
        javafx.scene.control.ChoiceDialog<String> dialog = new javafx.scene.control.ChoiceDialog<>(preferred, choices);
        Window.getWindows().stream().filter(Window::isFocused).findFirst().ifPresent(dialog::initOwner);
        dialog.setTitle(l10n.text("app.name"));
        dialog.setHeaderText(l10n.text(question));
        dialog.getDialogPane().getStylesheets().add(Stylesheets.APP);
        return dialog.showAndWait();
    }

    @Override
    public <T> java.util.Optional<T> show(javafx.scene.control.Dialog<T> dialog) {
        return dialog.showAndWait();
    }

    private Alert alert(Message header, Message detail, ButtonType... buttons) {
        return alert(Alert.AlertType.ERROR, header, detail, buttons);
    }

    private Alert alert(Alert.AlertType type, Message header, Message detail, ButtonType... buttons) {
        Alert alert = new Alert(type, "", buttons);
        // over the window the person works in, which gets the keyboard back when the dialog closes
        Window.getWindows().stream().filter(Window::isFocused).findFirst().ifPresent(alert::initOwner);
        alert.setTitle(l10n.text("app.name"));
        alert.setHeaderText(l10n.text(header));
        Label content = new Label(l10n.text(detail));
        content.setWrapText(true);
        content.setId("dialogDetail");
        content.setMaxWidth(460);
        alert.getDialogPane().setContent(content);
        alert.getDialogPane().getStylesheets().add(Stylesheets.APP);
        alert.getDialogPane().getStyleClass().add("tessera-dialog");
        return alert;
    }
}
