package dev.tessera.desktop.organizer;

import dev.tessera.desktop.ui.Controls;
import dev.tessera.designer.editor.SeatDesigner;
import dev.tessera.designer.model.SeatDocument;
import dev.tessera.core.model.Venue;
import dev.tessera.desktop.ui.Localization;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Venues on the left (open, save a version, create), the embedded seat designer on the right. */
final class VenuesPane extends BorderPane {
    private final ListView<Venue> list;
    private SeatDesigner designer = new SeatDesigner();

    VenuesPane(VenuesViewModel vm, Localization l10n) {
        getStyleClass().add("organizer-pane");
        list = new ListView<>(vm.venues());
        list.setId("venueList");
        list.setCellFactory(v -> venueCell(l10n));
        l10n.localeProperty().addListener((obs, old, now) -> list.refresh());
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> vm.selectedProperty().set(now));
        vm.selectedProperty().addListener((obs, old, now) -> list.getSelectionModel().select(now));
        list.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER) {
                vm.openSelected();
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                vm.openSelected();
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);

        Button open = Controls.mnemonicButton("openVenue", "organizer.venue.open", l10n);
        open.setOnAction(e -> vm.openSelected());
        open.disableProperty().bind(vm.selectedProperty().isNull());
        Button save = Controls.mnemonicButton("saveVersion", "organizer.venue.saveVersion", l10n);
        save.setOnAction(e -> vm.saveVersion(designer.getDocument()));
        save.disableProperty().bind(vm.openedProperty().isNull());
        HBox actions = new HBox(8, open, save);

        VBox side = new VBox(8, Controls.title("organizer.venues.title", l10n), list, actions, newVenue(vm, l10n),
                Controls.status("venueStatus", vm.feedback(), l10n));
        side.getStyleClass().add("organizer-side");
        side.setPrefWidth(360);
        side.setMinWidth(340);

        designer.setId("organizerDesigner");
        designer.getStyleClass().add("organizer-designer");
        vm.openedMapProperty().addListener((obs, old, map) -> {
            if (map != null) {
                designer.setDocument(SeatDocument.of(map), null);
            }
        });
        Label editing = new Label();
        editing.setId("designerTitle");
        editing.getStyleClass().add("organizer-designer-title");
        editing.textProperty().bind(Controls.text(l10n, () -> {
            Venue venue = vm.openedProperty().get();
            return venue == null ? l10n.text("organizer.designer.unsaved")
                    : l10n.text("organizer.designer.editing", venue.name(), venue.latestSeatMapVersion());
        }, vm.openedProperty()));
        VBox right = new VBox(editing, designer);
        VBox.setVgrow(designer, Priority.ALWAYS);
        // the designer's texts are set as its panels are built: after a language switch a new designer in the new
        // language takes this one's place, with the same document, file and undo history (issue 17)
        l10n.localeProperty().addListener((obs, old, now) -> {
            dev.tessera.designer.i18n.Messages.setLocale(now);
            SeatDesigner fresh = designer.relocalized();
            VBox.setVgrow(fresh, Priority.ALWAYS);
            right.getChildren().set(right.getChildren().indexOf(designer), fresh);
            designer = fresh;
        });
        setLeft(side);
        setCenter(right);
        // the designer keeps its own state while a venue is being saved or created
        side.disableProperty().bind(vm.feedback().busyProperty());
        Controls.refocusAfterWork(vm.feedback(), list);
    }

    private VBox newVenue(VenuesViewModel vm, Localization l10n) {
        TextField name = Controls.field("newVenueName", vm.newNameProperty(), "organizer.venue.name", l10n);
        TextField address = Controls.field("newVenueAddress", vm.newAddressProperty(), "organizer.venue.address", l10n);
        ComboBox<MapSource> source = new ComboBox<>(FXCollections.observableArrayList(MapSource.values()));
        source.setId("newVenueSource");
        source.valueProperty().bindBidirectional(vm.newSourceProperty());
        source.setConverter(dev.tessera.desktop.ui.Controls.names(s -> l10n.text(s.messageKey())));
        source.setButtonCell(Controls.cell(s -> l10n.text(s.messageKey())));
        // the chosen source's words follow a language switch (it stayed "Sample theatre" under Japanese)
        l10n.localeProperty().addListener((obs, old, now) -> source.setButtonCell(Controls.cell(s -> l10n.text(s.messageKey()))));
        source.setMaxWidth(Double.MAX_VALUE);
        Button create = Controls.mnemonicButton("createVenue", "organizer.venue.create", l10n);
        create.disableProperty().bind(Bindings.createBooleanBinding(
                () -> vm.newNameProperty().get().isBlank() || vm.newAddressProperty().get().isBlank(),
                vm.newNameProperty(), vm.newAddressProperty()));
        create.setOnAction(e -> vm.createVenue(designer.getDocument()));
        Label from = Controls.wholeCaption("organizer.venue.source", l10n);
        VBox box = new VBox(8, Controls.title("organizer.venue.newTitle", l10n), name, address, from, source, create);
        box.getStyleClass().add("organizer-card");
        return box;
    }

    private static ListCell<Venue> venueCell(Localization l10n) {
        return new ListCell<>() {
            @Override
            protected void updateItem(Venue venue, boolean empty) {
                super.updateItem(venue, empty);
                if (empty || venue == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                Label name = new Label(venue.name());
                name.getStyleClass().add("venue-name");
                Label detail = new Label(venue.latestSeatMapVersion() == 0
                        ? l10n.text("organizer.venue.detailNoMap", venue.address())
                        : l10n.text("organizer.venue.detail", venue.address(), venue.latestSeatMapVersion()));
                detail.getStyleClass().add("venue-detail");
                setText(null);
                setGraphic(new VBox(2, name, detail));
            }
        };
    }

    void focusList() {
        list.requestFocus();
    }

    SeatDesigner designer() {
        return designer;
    }
}
