package dev.tessera.desktop.manager;

import dev.tessera.contract.sales.ConfirmSale;
import dev.tessera.contract.sales.Customer;
import dev.tessera.contract.sales.Payment;
import dev.tessera.contract.sales.PaymentMethod;
import dev.tessera.contract.sales.SaleResult;
import dev.tessera.core.model.CustomerAuth;
import dev.tessera.desktop.center.CenterApiTypes.EventInfo;
import dev.tessera.core.model.Hold;
import dev.tessera.desktop.center.CenterSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import dev.tessera.contract.sales.IssuedTicket;

/** Real sales at the demo event, made as the demo clerk over the center's HTTP API, and what they add up to. */
final class DemoSales {
    final EventInfo event;
    final List<SaleResult> sales = new ArrayList<>();
    final Map<String, Long> byPayment = new TreeMap<>();
    long soldMinor;
    int soldTickets;
    long voidedMinor;

    DemoSales(CenterSession clerk, EventInfo event) {
        this.event = event;
        List<String> categories = List.copyOf(new TreeMap<>(event.pricesMinor()).keySet());
        sell(clerk, categories.get(0), 2, "CASH");
        sell(clerk, categories.get(1 % categories.size()), 3, "CARD");
        sell(clerk, categories.get(2 % categories.size()), 1, "INVOICE");
        sell(clerk, categories.get(0), 1, "CARD");
        // one ticket of the card sale goes back with a refund: sold stays, net drops; the money goes back in cash
        // (the center's default refund method), so the drawer's cash, not the card takings, pays it
        IssuedTicket returned = sales.get(1).tickets().getFirst();
        clerk.voidTicket(returned.ticketId(), "customer cannot attend", true);
        voidedMinor = returned.priceMinor();
        byPayment.merge("CASH", -returned.priceMinor(), Long::sum);
    }

    private void sell(CenterSession clerk, String category, int count, String payment) {
        Hold hold = clerk.holdBestAvailable(event.id(), count, category);
        SaleResult sale = clerk.confirmSale(new ConfirmSale(hold.id(),
                new Customer(CustomerAuth.WALK_IN, null, null, null),
                new Payment(PaymentMethod.valueOf(payment), "ref-" + hold.id(), null), List.of()));
        sales.add(sale);
        soldMinor += sale.totalMinor();
        soldTickets += sale.tickets().size();
        byPayment.merge(payment, sale.totalMinor(), Long::sum);
    }

    long netMinor() {
        return soldMinor - voidedMinor;
    }
}
