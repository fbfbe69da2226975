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

/** The event, its venue address and seat map, as paper and rows need them: fetched once per event. */
final class EventPapers {
    private final CenterSession session;
    private final Map<Long, EventPaper> events = new ConcurrentHashMap<>();

    EventPapers(CenterSession session) {
        this.session = session;
    }

    /** Blocking: the event's paper, fetched on first use. */
    EventPaper of(long eventId) {
        return events.computeIfAbsent(eventId, id -> {
            EventInfo event = session.event(id);
            return new EventPaper(event, session.venueOfEvent(event).address(),
                    session.seatMap(event.venueId(), event.seatMapVersion()), session.eventTax(id));
        });
    }
}
