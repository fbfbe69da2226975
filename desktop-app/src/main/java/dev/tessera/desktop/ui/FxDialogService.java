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
