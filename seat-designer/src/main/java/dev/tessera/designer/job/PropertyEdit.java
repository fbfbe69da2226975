package dev.tessera.designer.job;

import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * One property of one element set from an old value to a new one: a seat's label or category, a
 * row's label, a section's name, the document's focal point.
 */
public record PropertyEdit<E, V>(E element, BiConsumer<E, V> setter, V oldValue, V newValue) {
    public PropertyEdit {
        Objects.requireNonNull(element, "element");
        Objects.requireNonNull(setter, "setter");
    }

    public boolean changes() {
        return !Objects.equals(oldValue, newValue);
    }

    void apply() {
        setter.accept(element, newValue);
    }

    void revert() {
        setter.accept(element, oldValue);
    }
}
