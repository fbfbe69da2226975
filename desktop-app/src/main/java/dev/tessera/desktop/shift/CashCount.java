package dev.tessera.desktop.shift;

import dev.tessera.contract.shift.Count;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** A till count by denomination: the quantity the clerk types per note or coin, and the total. */
public final class CashCount {
    static final int MAX_QUANTITY = 100_000;

    /** One denomination: what was typed, and the amount it makes (0 while the text is not a count). */
    public static final class Row {
        private final long denominationMinor;
        private final StringProperty quantity = new SimpleStringProperty("");
        private final ReadOnlyLongWrapper amountMinor = new ReadOnlyLongWrapper();
        private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(true);

        Row(long denominationMinor) {
            this.denominationMinor = denominationMinor;
            quantity.addListener((obs, old, now) -> {
                Integer q = parse(now);
                valid.set(q != null);
                amountMinor.set(q == null ? 0 : q * denominationMinor);
            });
        }

        public long denominationMinor() {
            return denominationMinor;
        }

        public StringProperty quantityProperty() {
            return quantity;
        }

        public ReadOnlyLongProperty amountMinorProperty() {
            return amountMinor.getReadOnlyProperty();
        }

        public ReadOnlyBooleanProperty validProperty() {
            return valid.getReadOnlyProperty();
        }

        int quantity() {
            Integer q = parse(quantity.get());
            return q == null ? 0 : q;
        }
    }

    private final ObservableList<Row> rows = FXCollections.observableArrayList(
            row -> new Observable[] {row.amountMinorProperty(), row.validProperty()});
    // one read-only view for everybody: a listener on a throw-away wrapper would be collected with it
    private final ObservableList<Row> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyLongWrapper totalMinor = new ReadOnlyLongWrapper();
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(true);

    public CashCount() {
        rows.addListener((javafx.collections.ListChangeListener<Row>) c -> {
            totalMinor.set(rows.stream().mapToLong(r -> r.amountMinorProperty().get()).sum());
            valid.set(rows.stream().allMatch(r -> r.validProperty().get()));
        });
    }

    /** Starts a fresh count of these denominations, largest first. */
    public void reset(List<Long> denominations) {
        rows.setAll(denominations.stream().map(Row::new).toList());
    }

    public void clear() {
        rows.forEach(r -> r.quantity.set(""));
    }

    /** The denominations counted (quantity above zero), for the center. */
    public List<Count> counts() {
        return rows.stream().filter(r -> r.quantity() > 0).map(r -> new Count(r.denominationMinor, r.quantity())).toList();
    }

    public ObservableList<Row> rows() {
        return readOnlyRows;
    }

    public ReadOnlyLongProperty totalMinorProperty() {
        return totalMinor.getReadOnlyProperty();
    }

    /** False while some row holds text that is not a whole number from 0 to 100,000. */
    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    static Integer parse(String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        try {
            int q = Integer.parseInt(text.trim());
            return q >= 0 && q <= MAX_QUANTITY ? q : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
