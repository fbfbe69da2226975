package dev.tessera.desktop.organizer;

import dev.tessera.contract.tax.CategoryRate;
import dev.tessera.contract.tax.EventTax;
import dev.tessera.contract.tax.SetTax;
import dev.tessera.core.tax.TaxCountry;
import dev.tessera.core.tax.TaxRate;
import dev.tessera.desktop.center.CenterApiTypes.EventInfo;
import dev.tessera.desktop.center.CenterSession;
import dev.tessera.desktop.ui.ErrorMessages;
import dev.tessera.desktop.ui.Feedback;
import dev.tessera.desktop.ui.Message;
import dev.tessera.desktop.ui.TaskExecutor;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Issue 17: the organizer's view of an event's tax (GET/POST /api/events/{eventId}/tax): the country, whose rates a
 * category starts from, the invoice issuer and registration number, and each price category's rate in percent.
 * Checked here first, so a mistake is named in words before the center is asked; the center's answer is shown too.
 */
public final class EventTaxViewModel {
    /** One price category's rate as typed, in percent ("10", "8", "5.5"). */
    public record RateRow(String categoryId, String categoryName, StringProperty percent) {}

    private final CenterSession session;
    private final TaskExecutor tasks;
    private final ObjectProperty<EventInfo> event = new SimpleObjectProperty<>();
    private final ObjectProperty<TaxCountry> country = new SimpleObjectProperty<>(TaxCountry.JP);
    private final StringProperty issuer = new SimpleStringProperty("");
    private final StringProperty registration = new SimpleStringProperty("");
    private final ObservableList<RateRow> rates = FXCollections.observableArrayList();
    private final Feedback feedback = new Feedback(Message.of("organizer.tax.hint"));
    private java.util.Map<String, String> categoryNames = java.util.Map.of();

    public EventTaxViewModel(CenterSession session, TaskExecutor tasks) {
        this.session = session;
        this.tasks = tasks;
        event.addListener((obs, old, now) -> load());
    }

    /** Reads the event's tax from the center. */
    public void load() {
        EventInfo e = event.get();
        if (e == null) {
            rates.clear();
            return;
        }
        feedback.working("organizer.tax.loading", e.name());
        record Loaded(EventTax tax, java.util.Map<String, String> names) {}
        tasks.execute(() -> {
            java.util.Map<String, String> names = new java.util.HashMap<>();
            // the categories by the names the seat map gives them
            session.seatMap(e.venueId(), e.seatMapVersion()).categories().forEach(c -> names.put(c.id(), c.name()));
            return new Loaded(session.eventTax(e.id()), names);
        }, loaded -> {
            if (event.get() == null || event.get().id() != e.id()) {
                return;
            }
            categoryNames = loaded.names();
            show(e, loaded.tax());
            feedback.done("organizer.tax.loaded", e.name());
        }, failure -> feedback.fail(ErrorMessages.of(failure)));
    }

    private void show(EventInfo e, EventTax tax) {
        country.set(tax.country() == null ? TaxCountry.NONE : tax.country());
        issuer.set(tax.issuerName() == null ? "" : tax.issuerName());
        registration.set(tax.registrationNumber() == null ? "" : tax.registrationNumber());
        List<RateRow> rows = new ArrayList<>();
        new java.util.TreeMap<>(e.pricesMinor()).keySet().forEach(id -> rows.add(new RateRow(id, categoryNames.getOrDefault(id, id),
                new SimpleStringProperty(new TaxRate(tax.rateOf(id)).percentText()))));
        rates.setAll(rows);
    }

    /** The country's rates offered for every category: its standard rate (the reduced one is typed where it applies). */
    public void useCountryDefaults() {
        TaxCountry c = country.get();
        rates.forEach(r -> r.percent().set(c.standard().percentText()));
        feedback.say(Message.of("organizer.tax.defaults", c.displayName(), c.standard().percentText(),
                c.reduced().percentText()));
    }

    /** Checks the form, then saves it at the center. */
    public void save() {
        EventInfo e = event.get();
        if (e == null) {
            feedback.refuse("organizer.tax.chooseEvent");
            return;
        }
        List<CategoryRate> typed = new ArrayList<>();
        for (RateRow r : rates) {
            Integer bp = basisPoints(r.percent().get());
            if (bp == null) {
                feedback.refuse("organizer.tax.badRate", r.categoryName(), r.percent().get() == null ? "" : r.percent().get());
                return;
            }
            typed.add(new CategoryRate(r.categoryId(), bp));
        }
        String number = registration.get() == null ? "" : registration.get().strip();
        TaxCountry c = country.get();
        if (!number.isEmpty() && c.qualifiedInvoice() && !TaxCountry.isJapaneseRegistrationNumber(number)) {
            feedback.refuse("organizer.tax.badRegistration", number);
            return;
        }
        if (number.length() > 32) {
            feedback.refuse("organizer.tax.longRegistration");
            return;
        }
        String name = issuer.get() == null || issuer.get().isBlank() ? null : issuer.get().strip();
        feedback.working("organizer.tax.saving", e.name());
        tasks.execute(() -> session.setEventTax(e.id(), new SetTax(c, name, number, typed)), tax -> {
            show(e, tax);
            feedback.done("organizer.tax.saved", e.name());
        }, failure -> feedback.fail(ErrorMessages.of(failure)));
    }

    /** "10", "8", "5.5" to basis points; null when it is not a rate of 0 to 50 % with at most two decimals. */
    static Integer basisPoints(String percent) {
        if (percent == null || percent.isBlank()) {
            return null;
        }
        try {
            BigDecimal bp = new BigDecimal(percent.strip().replace("%", "").strip()).movePointRight(2);
            if (bp.signum() < 0 || bp.stripTrailingZeros().scale() > 0 || bp.compareTo(BigDecimal.valueOf(TaxRate.MAX_BASIS_POINTS)) > 0) {
                return null;
            }
            return bp.intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    public ObjectProperty<EventInfo> eventProperty() {
        return event;
    }

    public ObjectProperty<TaxCountry> countryProperty() {
        return country;
    }

    public StringProperty issuerProperty() {
        return issuer;
    }

    public StringProperty registrationProperty() {
        return registration;
    }

    public ObservableList<RateRow> rates() {
        return rates;
    }

    public Feedback feedback() {
        return feedback;
    }
}
