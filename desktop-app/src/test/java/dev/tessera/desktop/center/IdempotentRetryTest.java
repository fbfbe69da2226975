package dev.tessera.desktop.center;

import dev.tessera.client.CenterProblemException;
import dev.tessera.client.CenterHttp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tessera.contract.sales.ConfirmSale;
import dev.tessera.contract.sales.Customer;
import dev.tessera.contract.sales.Payment;
import dev.tessera.contract.sales.PaymentMethod;
import dev.tessera.contract.sales.SaleResult;
import dev.tessera.core.model.CustomerAuth;
import dev.tessera.desktop.center.CenterApiTypes.EventInfo;
import dev.tessera.core.model.Hold;
import dev.tessera.center.support.LossyProxy;
import dev.tessera.desktop.support.TestCenter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lost answer does not make the desktop sell or hold twice: between the client and a real embedded center sits a
 * proxy that lets the center do the work and then loses the answer (a dropped connection or a 502); the client sends
 * the same request with the same Idempotency-Key and gets the first answer.
 */
class IdempotentRetryTest {
    @TempDir
    static Path dataDir;
    static TestCenter center;
    static LossyProxy proxy;

    @BeforeAll
    static void start() throws IOException {
        center = TestCenter.start(dataDir);
        proxy = new LossyProxy(center.baseUri());
    }

    @AfterAll
    static void stop() {
        proxy.close();
        center.close();
    }

    @BeforeEach
    void reset() {
        proxy.forwarded().clear();
    }

    @Test
    void aHoldWhoseAnswerWasLostIsAskedForAgainWithTheSameKeyAndHeldOnce() {
        try (CenterClient terminal = new CenterClient(proxy.uri())) {
            CenterSession clerk = terminal.signIn(TestCenter.CLERK, TestCenter.CLERK_PASSWORD);
            EventInfo tempest = center.demoEvent(clerk);
            String seat = clerk.seats(tempest.id()).seats().get("FREE").getFirst();
            proxy.forwarded().clear();
            proxy.dropConnection().set(1);

            Hold hold = clerk.hold(tempest.id(), List.of(seat));

            assertThat(proxy.forwarded()).as("the center saw the first request and its retry").hasSize(2);
            assertThat(Set.copyOf(proxy.forwarded())).as("one key for both").hasSize(1);
            assertThat(proxy.forwarded().getFirst()).isNotBlank();
            assertThat(clerk.activeHolds(tempest.id())).filteredOn(h -> h.seatIds().contains(seat))
                    .extracting(Hold::id).containsExactly(hold.id());

            proxy.forwarded().clear();
            proxy.badGateway().set(1);
            SaleResult sale = clerk.confirmSale(new ConfirmSale(hold.id(),
                    new Customer(CustomerAuth.WALK_IN, null, null, null),
                    new Payment(PaymentMethod.CASH, null, null), List.of()));
            assertThat(proxy.forwarded()).hasSize(2);
            assertThat(Set.copyOf(proxy.forwarded())).hasSize(1);
            assertThat(sale.holdId()).isEqualTo(hold.id());
            assertThat(clerk.activeHolds(tempest.id())).extracting(Hold::id).doesNotContain(hold.id());
        }
    }

    @Test
    void aCenterThatKeepsFailingIsToldAfterThreeAttempts() {
        try (CenterClient terminal = new CenterClient(proxy.uri())) {
            CenterSession clerk = terminal.signIn(TestCenter.CLERK, TestCenter.CLERK_PASSWORD);
            EventInfo tempest = center.demoEvent(clerk);
            String seat = clerk.seats(tempest.id()).seats().get("FREE").getFirst();
            proxy.forwarded().clear();
            proxy.badGateway().set(10);
            assertThatThrownBy(() -> clerk.hold(tempest.id(), List.of(seat)))
                    .isInstanceOfSatisfying(CenterProblemException.class, p -> assertThat(p.status()).isEqualTo(502));
            proxy.badGateway().set(0);
            assertThat(proxy.forwarded()).hasSize(CenterHttp.MAX_ATTEMPTS);
            assertThat(Set.copyOf(proxy.forwarded())).hasSize(1);
            // the work was done on the first attempt; the seller finds the hold and gives it back
            List<Hold> left = clerk.activeHolds(tempest.id()).stream().filter(h -> h.seatIds().contains(seat)).toList();
            assertThat(left).hasSize(1);
            clerk.releaseHold(left.getFirst().id());
            assertThat(clerk.activeHolds(tempest.id())).extracting(Hold::id).doesNotContain(left.getFirst().id());
        }
    }
}
