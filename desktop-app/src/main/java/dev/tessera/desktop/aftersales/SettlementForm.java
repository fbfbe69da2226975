package dev.tessera.desktop.aftersales;

import dev.tessera.desktop.ui.Feedback;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tessera.core.model.LedgerKind;
import dev.tessera.core.seatmap.SeatMap;
import dev.tessera.core.ticket.PaperCode;
import dev.tessera.core.ticket.TicketCodec;
import dev.tessera.core.format.TicketFormatException;
import dev.tessera.desktop.aftersales.PaperDesk.PaperTicketLine;
import dev.tessera.desktop.center.AfterSalesApiTypes.Exchange;
import dev.tessera.desktop.center.AfterSalesApiTypes.ExchangeResult;
import dev.tessera.desktop.center.AfterSalesApiTypes.RefundTicket;
import dev.tessera.desktop.center.AfterSalesApiTypes.Reprint;
import dev.tessera.desktop.center.AfterSalesApiTypes.Reprinted;
import dev.tessera.desktop.center.AfterSalesApiTypes.SaleView;
import dev.tessera.desktop.center.AfterSalesApiTypes.TicketView;
import dev.tessera.desktop.center.CenterApiTypes.EventInfo;
import dev.tessera.desktop.center.CenterApiTypes.Hold;
import dev.tessera.desktop.center.CenterSession;
import dev.tessera.contract.sales.IssuedTicket;
import dev.tessera.desktop.center.CounterApiTypes.Payment;
import dev.tessera.desktop.center.CounterApiTypes.SaleResult;
import dev.tessera.desktop.center.CounterApiTypes.Voided;
import dev.tessera.desktop.counter.ChipDesk;
import dev.tessera.desktop.counter.CounterContext;
import dev.tessera.desktop.counter.CounterFailures;
import dev.tessera.desktop.counter.SaleViewModel;
import dev.tessera.desktop.counter.SalePaper;
import dev.tessera.desktop.counter.Journal;
import dev.tessera.desktop.counter.SalePhase;
import dev.tessera.desktop.ui.Formats;
import dev.tessera.desktop.ui.Amount;
import dev.tessera.desktop.ui.Message;
import dev.tessera.reports.print.ReportPrinter;
import dev.tessera.reports.ReportException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every after-sales step asks of the clerk besides the tickets: the reason (audited), and how money changes hands
 * (cash with the amount handed over, or card with the terminal's reference).
 */
final class SettlementForm {
    private final CounterContext ctx;
    private final Feedback feedback;
    private final ObjectProperty<Reason> reason = new SimpleObjectProperty<>();
    private final StringProperty note = new SimpleStringProperty("");
    private final ObjectProperty<String> settleMethod = new SimpleObjectProperty<>("CASH");
    private final StringProperty tendered = new SimpleStringProperty("");
    private final StringProperty reference = new SimpleStringProperty("");

    SettlementForm(CounterContext ctx, Feedback feedback) {
        this.ctx = ctx;
        this.feedback = feedback;
    }

    /** The card refund's or payment's reference, when the method is card and one was typed. */
    String cardReference() {
        return "CARD".equals(settleMethod.get()) && !reference.get().isBlank() ? reference.get().strip() : null;
    }

    String reasonText() {
        Reason r = reason.get();
        if (r == null || (r == Reason.OTHER && note.get().isBlank())) {
            feedback.fail(Message.of(r == null ? "aftersales.reason.choose" : "aftersales.reason.explain"));
            return null;
        }
        String text = r.audit(note.get());
        if (text.length() > 400) {
            feedback.fail(Message.of("aftersales.reason.tooLong"));
            return null;
        }
        return text;
    }

    /** The reason and note emptied, for the next step. */
    void clear() {
        reason.set(null);
        note.set("");
    }

    /** The money fields emptied too, after an exchange. */
    void clearMoney() {
        tendered.set("");
        reference.set("");
    }

    String money(long minor, String currency) {
        return Formats.money(minor, currency, ctx.l10n().getLocale());
    }

    /** A message inside a message: the view puts nested messages into words too. */
    static Message methodKey(String method) {
        return Message.of("CARD".equals(method) ? "aftersales.method.card" : "aftersales.method.cash");
    }
    static Long minor(String text, String currency) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.strip().replace(",", ""))
                    .movePointRight(Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits())).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            return null;
        }
    }

    ObjectProperty<Reason> reasonProperty() {
        return reason;
    }

    StringProperty noteProperty() {
        return note;
    }

    ObjectProperty<String> settleMethodProperty() {
        return settleMethod;
    }

    StringProperty tenderedProperty() {
        return tendered;
    }

    StringProperty referenceProperty() {
        return reference;
    }
}
