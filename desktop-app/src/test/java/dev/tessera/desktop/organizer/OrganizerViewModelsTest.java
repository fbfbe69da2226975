package dev.tessera.desktop.organizer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.contract.sales.ConfirmSale;
import dev.tessera.contract.sales.Customer;
import dev.tessera.contract.sales.Payment;
import dev.tessera.contract.sales.PaymentMethod;
import dev.tessera.core.model.CustomerAuth;
import dev.tessera.designer.model.SeatDocument;
import dev.tessera.desktop.center.CenterApiTypes.EventInfo;
import dev.tessera.desktop.center.CenterSession;
import dev.tessera.desktop.support.TestCenter;
import dev.tessera.desktop.ui.CurrentThreadTaskExecutor;
import dev.tessera.desktop.ui.Message;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The organizer's view models against a real embedded center: bad input is refused in words and nothing reaches the center. */
class OrganizerViewModelsTest {
    @TempDir
    static Path data;
    private static TestCenter center;
    private static CenterSession organizer;
    private final CurrentThreadTaskExecutor tasks = new CurrentThreadTaskExecutor();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-25T03:00:00Z"), ZoneId.of("Asia/Tokyo"));

    @BeforeAll
    static void start() {
        center = TestCenter.start(data);
        organizer = center.signIn("organizer", "organizer-demo");
    }

    @AfterAll
    static void stop() {
        center.close();
    }

    @Test
    void anEmptyPlanIsNotSavedAsAVenueAndNoVenueIsCreated() {
        VenuesViewModel vm = new VenuesViewModel(organizer, tasks);
        int before = organizer.venues().size();
        vm.newNameProperty().set("Empty Hall");
        vm.newAddressProperty().set("Nowhere 1");
        vm.newSourceProperty().set(MapSource.DESIGNER);
        vm.createVenue(SeatDocument.blank("Empty"));
        assertThat(vm.feedback().failedProperty().get()).isTrue();
        assertThat(vm.feedback().messageProperty().get().key()).isIn("organizer.venue.problems", "organizer.venue.invalid");
        assertThat(organizer.venues()).hasSize(before);
        assertThat(vm.newNameProperty().get()).isEqualTo("Empty Hall");
    }

    @Test
    void aVenueFromASampleGetsItsFirstVersionAndOpensInTheDesigner() {
        VenuesViewModel vm = new VenuesViewModel(organizer, tasks);
        vm.newNameProperty().set("Sample Hall");
        vm.newAddressProperty().set("1 Sample Street");
        vm.createVenue(null);
        assertThat(vm.feedback().messageProperty().get()).isEqualTo(Message.of("organizer.venue.created", "Sample Hall", 1, 1194));
        assertThat(vm.openedMapProperty().get().seatCount()).isEqualTo(1194);
        assertThat(vm.openedMapProperty().get().name()).isEqualTo("Sample Hall");
        assertThat(vm.openedProperty().get().latestSeatMapVersion()).isEqualTo(1);
        assertThat(vm.venues()).anyMatch(v -> v.name().equals("Sample Hall") && v.latestSeatMapVersion() == 1);
        assertThat(vm.selectedProperty().get().name()).isEqualTo("Sample Hall");
    }

    @Test
    void anEventThatEndsBeforeItStartsIsRefusedAndNothingIsRegistered() {
        OrganizerEventsViewModel vm = eventForm();
        int before = organizer.events().size();
        vm.endsAtProperty().set("2026-12-09 18:00");
        vm.create();
        assertThat(vm.feedback().messageProperty().get()).isEqualTo(Message.of("organizer.event.timeOrder"));
        vm.endsAtProperty().set("tomorrow");
        vm.create();
        assertThat(vm.feedback().messageProperty().get()).isEqualTo(Message.of("organizer.event.badEnd", "tomorrow"));
        assertThat(organizer.events()).hasSize(before);
    }

    @Test
    void theOrganizersAttendeeNameSettingGoesWithTheNewEvent() {
        OrganizerEventsViewModel vm = eventForm();
        vm.create();
        assertThat(organizer.event(vm.selectedProperty().get().id()).attendeeNamesRequired())
                .as("optional unless ticked").isFalse();
        vm.nameProperty().set("Named matinee " + System.nanoTime());
        vm.attendeeNamesRequiredProperty().set(true);
        vm.create();
        EventInfo strict = vm.selectedProperty().get();
        assertThat(organizer.event(strict.id()).attendeeNamesRequired()).as("claim 70: required, as ticked").isTrue();
    }

    @Test
    void aDraftIsPublishedOnlyAfterTheConfirmation() {
        OrganizerEventsViewModel vm = eventForm();
        vm.create();
        EventInfo draft = vm.selectedProperty().get();
        assertThat(draft.status()).isEqualTo("DRAFT");
        assertThat(draft.startsAt()).isEqualTo(Instant.parse("2026-12-09T10:00:00Z"));
        vm.requestPublish();
        assertThat(vm.confirmingPublishProperty().get()).isTrue();
        vm.cancelPublish();
        assertThat(organizer.event(draft.id()).status()).isEqualTo("DRAFT");
        vm.requestPublish();
        vm.confirmPublish();
        assertThat(organizer.event(draft.id()).status()).isEqualTo("PUBLISHED");
        assertThat(vm.selectedProperty().get().status()).isEqualTo("PUBLISHED");
        vm.requestPublish();
        assertThat(vm.confirmingPublishProperty().get()).isFalse();
        assertThat(vm.feedback().messageProperty().get().key()).isEqualTo("organizer.event.notDraft");
    }

    @Test
    void theClerksBlockIsShownTakenAndItsQuotasAreKeptWhenSeatsAreAdded() {
        EventInfo tempest = center.demoEvent(organizer);
        AuthorizationsViewModel vm = authorizationsOf(tempest);
        SellerRow clerk = vm.sellers().stream().filter(s -> s.seller().loginId().equals("clerk")).findFirst().orElseThrow();
        assertThat(clerk.authorized()).isTrue();
        assertThat(vm.boardProperty().get().taken()).containsKeys(clerk.authorization().allocatedSeats().toArray(String[]::new));
        vm.sellerProperty().set(clerk);
        assertThat(vm.quotas()).hasSize(3).allMatch(q -> q.quota().get() == 10_000);
        vm.picked().add("ST-A-1");
        vm.authorize();
        assertThat(vm.feedback().messageProperty().get().key()).isEqualTo("organizer.auth.authorized");
        // the demo event is also authorized for the internet-sales channel: the clerk's is picked by seller
        var stored = organizer.authorizations(tempest.id()).stream()
                .filter(a -> a.sellerId() == clerk.seller().accountId()).findFirst().orElseThrow();
        assertThat(stored.allocatedSeats()).contains("ST-A-1").containsAll(clerk.authorization().allocatedSeats());
        assertThat(stored.quotas()).isEqualTo(clerk.authorization().quotas());
        assertThat(vm.boardProperty().get().taken()).containsEntry("ST-A-1",
                dev.tessera.designer.availability.SeatStatus.ALLOCATED);
    }

    @Test
    void takingBackOffersOnlyTheSellersFreeBlockSeatsAndFreesThePickedOnes() {
        EventInfo tempest = center.demoEvent(organizer);
        AuthorizationsViewModel vm = authorizationsOf(tempest);
        SellerRow clerk = vm.sellers().stream().filter(s -> s.seller().loginId().equals("clerk")).findFirst().orElseThrow();
        vm.sellerProperty().set(clerk);
        java.util.List<String> block = new java.util.ArrayList<>(new java.util.TreeSet<>(clerk.authorization().allocatedSeats()));
        assertThat(block).hasSizeGreaterThan(2);

        vm.modeProperty().set(AuthorizationsViewModel.BlockMode.TAKE_BACK);
        var board = vm.boardProperty().get();
        assertThat(board.taken()).doesNotContainKeys(block.toArray(String[]::new));
        assertThat(board.taken()).hasSize(board.map().seats().size() - block.size());

        vm.takeBack();
        assertThat(vm.feedback().messageProperty().get().key()).isEqualTo("organizer.auth.pickToTakeBack");
        assertThat(vm.feedback().failedProperty().get()).isTrue();

        vm.picked().addAll(block.subList(0, 2));
        vm.takeBack();
        assertThat(vm.feedback().messageProperty().get().key()).isEqualTo("organizer.auth.takenBack");
        assertThat(vm.feedback().messageProperty().get().args()).containsExactly(2, "Box Office 1");
        var stored = organizer.authorizations(tempest.id()).stream().filter(a -> a.sellerId() == clerk.seller().accountId())
                .findFirst().orElseThrow();
        assertThat(stored.allocatedSeats()).doesNotContain(block.get(0), block.get(1)).contains(block.get(2));

        vm.modeProperty().set(AuthorizationsViewModel.BlockMode.ADD);
        assertThat(vm.boardProperty().get().taken()).as("free for every seller now")
                .doesNotContainKeys(block.get(0), block.get(1)).containsKey(block.get(2));
    }

    @Test
    void theBoardShowsEachStandingAreaAsFullAsTheCounterDoes() {
        var services = center.connection().embeddedCenter().orElseThrow().services();
        long eventId = dev.tessera.desktop.gate.GateFixtures.tonightsStanding(services, 40, 5);
        CenterSession clerk = center.clerk();
        var hold = clerk.hold(eventId, java.util.List.of(), java.util.Map.of(dev.tessera.desktop.gate.GateFixtures.PIT, 3));
        clerk.confirmSale(new ConfirmSale(hold.id(),
                new Customer(CustomerAuth.WALK_IN, null, null, null),
                new Payment(PaymentMethod.CASH, null, 100_000L), java.util.List.of()));
        clerk.hold(eventId, java.util.List.of(), java.util.Map.of(dev.tessera.desktop.gate.GateFixtures.PIT, 2));

        EventInfo standing = organizer.event(eventId);
        var board = authorizationsOf(standing).boardProperty().get();
        assertThat(board.areas()).singleElement().satisfies(pit -> {
            assertThat(pit.areaId()).isEqualTo(dev.tessera.desktop.gate.GateFixtures.PIT);
            assertThat(pit.capacity()).isEqualTo(40);
            assertThat(pit.sold()).isEqualTo(3);
            assertThat(pit.held() + pit.allocated()).as("held at the counter and set aside offline").isEqualTo(7);
            assertThat(pit.remaining()).isEqualTo(30);
        });
    }

    /**
     * Issue 18: the capacity goes down to the places sold, held and set aside and no further: below what the row shows
     * nothing is sent; below what others took since (the row is stale) the center refuses, the sentence says so and
     * the counts are read again. The clerk's allocation of places goes with Authorize seller.
     */
    @Test
    void aStandingAreasCapacityGoesDownToWhatIsTakenAndTheClerksAllocationIsSetInPlaces() {
        var services = center.connection().embeddedCenter().orElseThrow().services();
        long eventId = dev.tessera.desktop.gate.GateFixtures.tonightsStanding(services, 40, 5);
        String pit = dev.tessera.desktop.gate.GateFixtures.PIT;
        CenterSession clerk = center.clerk();
        var sold = clerk.hold(eventId, java.util.List.of(), java.util.Map.of(pit, 3));
        clerk.confirmSale(new ConfirmSale(sold.id(),
                new Customer(CustomerAuth.WALK_IN, null, null, null),
                new Payment(PaymentMethod.CASH, null, 100_000L), java.util.List.of()));
        AuthorizationsViewModel vm = authorizationsOf(organizer.event(eventId));
        vm.sellerProperty().set(vm.sellers().stream().filter(s -> s.seller().loginId().equals("clerk")).findFirst()
                .orElseThrow());
        var row = vm.areas().getFirst();
        assertThat(row.taken()).as("3 sold and 5 set aside").isEqualTo(8);
        assertThat(row.allocated()).isEqualTo(5);

        row.capacity().set(7);
        vm.changeCapacity(row);
        assertThat(vm.feedback().messageProperty().get())
                .isEqualTo(Message.of("organizer.area.belowTaken", "Standing pit", 8, 3, 0, 5));
        assertThat(vm.feedback().failedProperty().get()).isTrue();
        assertThat(organizer.areas(eventId).getFirst().capacity()).as("nothing sent").isEqualTo(40);

        clerk.hold(eventId, java.util.List.of(), java.util.Map.of(pit, 4));
        row.capacity().set(10);
        vm.changeCapacity(row);
        assertThat(vm.feedback().messageProperty().get())
                .isEqualTo(Message.of("organizer.area.belowTakenNow", "Standing pit"));
        assertThat(vm.feedback().failedProperty().get()).isTrue();
        assertThat(vm.areas().getFirst().taken()).as("read again: the 4 held count now").isEqualTo(12);
        assertThat(organizer.areas(eventId).getFirst().capacity()).isEqualTo(40);

        vm.areas().getFirst().capacity().set(12);
        vm.changeCapacity(vm.areas().getFirst());
        assertThat(vm.feedback().messageProperty().get()).isEqualTo(Message.of("organizer.area.changed", "Standing pit", 12, 0));
        assertThat(organizer.areas(eventId).getFirst().capacity()).isEqualTo(12);

        vm.areas().getFirst().allocation().set(6);
        vm.authorize();
        assertThat(vm.feedback().messageProperty().get().key()).as("one more place than is free")
                .isEqualTo("organizer.auth.areaFull");
        assertThat(vm.feedback().messageProperty().get().args()).containsExactly("Standing pit", 0);
        vm.areas().getFirst().allocation().set(2);
        vm.authorize();
        assertThat(vm.feedback().failedProperty().get()).isFalse();
        assertThat(vm.feedback().messageProperty().get().key()).isEqualTo("organizer.auth.authorizedPlaces");
        assertThat(organizer.authorizations(eventId).stream().filter(a -> a.sellerId() == clerk.account().accountId())
                .findFirst().orElseThrow().allocatedAreas()).isEqualTo(java.util.Map.of(pit, 2));
        assertThat(organizer.areas(eventId).getFirst().remaining()).as("3 places back to sell").isEqualTo(3);
    }

    /** The sellers' authorizations of one event, loaded as the organizer's pane loads them. */
    private AuthorizationsViewModel authorizationsOf(EventInfo event) {
        OrganizerEventsViewModel events = new OrganizerEventsViewModel(organizer, tasks, clock);
        events.load();
        AuthorizationsViewModel vm = new AuthorizationsViewModel(organizer, tasks, events.events());
        vm.eventProperty().set(events.events().stream().filter(e -> e.id() == event.id()).findFirst().orElseThrow());
        return vm;
    }

    private OrganizerEventsViewModel eventForm() {
        VenuesViewModel venues = new VenuesViewModel(organizer, tasks);
        venues.load();
        OrganizerEventsViewModel vm = new OrganizerEventsViewModel(organizer, tasks, clock);
        vm.nameProperty().set("Matinee " + System.nanoTime());
        vm.servicerProperty().set("Tessera Players");
        vm.contactProperty().set("info@tessera.example");
        vm.venueProperty().set(venues.venues().getFirst());
        vm.prices().forEach(p -> p.amount().set("3,000"));
        assertThat(vm.prices()).hasSize(3);
        assertThat(vm.gates()).isNotEmpty();
        return vm;
    }
}
