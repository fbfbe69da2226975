package dev.tessera.designer.editor;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.value.ObservableValue;
import org.controlsfx.control.PropertySheet;

/** One row of the properties panel: reads from the model, and writes by pushing a job. */
final class SheetItem<T> implements PropertySheet.Item {
    private final String category;
    private final String name;
    private final Class<T> type;
    private final Supplier<T> getter;
    private final Consumer<T> setter;
    private final List<String> choices;

    SheetItem(String category, String name, Class<T> type, Supplier<T> getter, Consumer<T> setter) {
        this(category, name, type, getter, setter, null);
    }

    /** An item chosen from a list of strings (a category id). */
    SheetItem(String category, String name, Class<T> type, Supplier<T> getter, Consumer<T> setter, List<String> choices) {
        this.category = category;
        this.name = name;
        this.type = type;
        this.getter = getter;
        this.setter = setter;
        this.choices = choices;
    }

    List<String> choices() {
        return choices;
    }

    @Override
    public Class<?> getType() {
        return type;
    }

    @Override
    public String getCategory() {
        return category;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String getDescription() {
        return name;
    }

    @Override
    public Object getValue() {
        return getter.get();
    }

    @Override
    @SuppressWarnings("unchecked")
    public void setValue(Object value) {
        if (setter != null && value != null && !value.equals(getter.get())) {
            setter.accept((T) value);
        }
    }

    @Override
    public boolean isEditable() {
        return setter != null;
    }

    @Override
    public Optional<ObservableValue<? extends Object>> getObservableValue() {
        return Optional.empty();
    }
}
