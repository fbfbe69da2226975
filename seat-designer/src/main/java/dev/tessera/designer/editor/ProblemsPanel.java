package dev.tessera.designer.editor;

import dev.tessera.designer.i18n.Messages;
import dev.tessera.designer.model.PlanElement;
import dev.tessera.designer.validation.Problem;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The validation list: choosing a problem selects the seats that cause it and shows them. */
final class ProblemsPanel extends VBox {
    final ListView<Problem> list = new ListView<>();

    ProblemsPanel(SeatDesigner designer, PlanEditorPane plan) {
        super(6);
        setPadding(new Insets(8));
        Button validate = new Button(Messages.get("problems.validate"));
        validate.setMaxWidth(Double.MAX_VALUE);
        validate.setOnAction(e -> designer.validate());
        list.setItems(designer.getProblems());
        list.getStyleClass().add("validation-list");
        list.setAccessibleText(Messages.get("problems.title"));
        // before a validation (or after an edit) the empty list asks for one; right after one it says the venue is clean
        javafx.scene.control.Label placeholder = new javafx.scene.control.Label();
        placeholder.setId("problems-placeholder");
        placeholder.setWrapText(true);
        placeholder.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> Messages.get(designer.validatedRevisionProperty().get() == designer.getJobManager().getRevision()
                        ? "problems.clean" : "problems.none"),
                designer.validatedRevisionProperty(), designer.getJobManager().revisionProperty()));
        list.setPlaceholder(placeholder);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Problem item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.message());
                setWrapText(true);
                setPrefWidth(0);
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, problem) -> {
            if (problem != null && !problem.elements().isEmpty()) {
                designer.getSelection().select(problem.elements());
                PlanElement first = problem.elements().getFirst();
                double[] b = first.bounds();
                plan.navigator().centreOn((b[0] + b[2]) / 2, (b[1] + b[3]) / 2);
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(validate, list);
    }
}
