package dev.tessera.desktop.organizer;

import dev.tessera.desktop.ui.Feedback;
import dev.tessera.core.seatmap.Category;
import dev.tessera.core.seatmap.SeatMap;
import dev.tessera.designer.availability.SeatStatus;
import dev.tessera.contract.account.Account;
import dev.tessera.contract.availability.AreaCount;
import dev.tessera.contract.availability.Availability;
import dev.tessera.client.CenterProblemException;
import dev.tessera.desktop.center.CenterApiTypes.EventInfo;
import dev.tessera.desktop.center.CenterSession;
import dev.tessera.core.model.SellerAuthorization;
import dev.tessera.contract.event.AuthorizeSeller;
import dev.tessera.desktop.ui.TaskExecutor;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;

/**
 * Claims 30, 73, 74: which sellers may sell an event, how many seats of each category (quotas)
 * and which seat blocks are theirs alone. Seats sold, held, blocked or allocated to any seller are
 * shown taken; the organizer picks free seats on the map for the chosen seller. Issue 18: each standing area's
 * capacity (down to its places sold, held and set aside) and the chosen seller's allocation of its places.
 */
public final class AuthorizationsViewModel {
    /**
     * A category of the event's seat map and the chosen seller's quota for it; {@code places}: the capacity of its
     * standing areas (issue 18), which the quota counts like seats.
     */
    public record QuotaRow(Category category, int seats, IntegerProperty quota, int places) {}

    /**
     * Issue 18: a standing area of the event: its places at the center, the capacity to set, and the chosen seller's
     * allocation to set beside the places it has allocated now and sold of them.
     */
    public record AreaRow(dev.tessera.core.seatmap.GeneralAdmissionArea area, AreaCount count, IntegerProperty capacity,
                          IntegerProperty allocation, int allocated, int sold) {
        /** The places the capacity cannot go below: sold, held and set aside for sellers. */
        public int taken() {
            return count.sold() + count.held() + count.allocated();
        }
    }

    /** The map, its taken seats, and (issue 18) each standing area's places, drawn as full as the center says. */
    public record SeatBoard(SeatMap map, Map<String, SeatStatus> taken,
                            List<AreaCount> areas) {}

    /** What picking seats on the map is for: adding free seats to the chosen seller's block, or taking them back. */
    public enum BlockMode { ADD, TAKE_BACK }

    private final CenterSession session;
    private final TaskExecutor tasks;
    private final ObservableList<EventInfo> events;
    private final ObjectProperty<EventInfo> event = new SimpleObjectProperty<>();
    private final ObservableList<SellerRow> sellers = FXCollections.observableArrayList();
    private final ObjectProperty<SellerRow> seller = new SimpleObjectProperty<>();
    private final ObservableList<QuotaRow> quotas = FXCollections.observableArrayList();
    private final ObservableList<AreaRow> areas = FXCollections.observableArrayList();
    private final ObservableSet<String> picked = FXCollections.observableSet();
    private final ReadOnlyObjectWrapper<SeatBoard> board = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<BlockMode> mode = new SimpleObjectProperty<>(BlockMode.ADD);
    private Loaded loaded;
    private final Feedback feedback = new Feedback();
    private final Runnable eventsChanged;

    public AuthorizationsViewModel(CenterSession session, TaskExecutor tasks, ObservableList<EventInfo> events) {
        this(session, tasks, events, () -> { });
    }

    /**
     * {@code eventsChanged} reads the events again after an authorization or a take-back changed who sells them (the
     * organizer's Sellers column stayed "—" after authorizing, issue 17); the chosen event stays chosen when its list
     * is read again.
     */
    public AuthorizationsViewModel(CenterSession session, TaskExecutor tasks, ObservableList<EventInfo> events,
                                   Runnable eventsChanged) {
        this.session = session;
        this.tasks = tasks;
        this.events = events;
        this.eventsChanged = eventsChanged;
        events.addListener((javafx.collections.ListChangeListener<EventInfo>) c -> {
            EventInfo chosen = event.get();
            if (chosen != null) {
                events.stream().filter(e -> e.id() == chosen.id()).findFirst().ifPresent(event::set);
            }
        });
        event.addListener((obs, old, now) -> {
            if (now == null || old == null || now.id() != old.id()) {
                reload();
            }
        });
        seller.addListener((obs, old, now) -> {
            fillQuotas();
            showBoard();
        });
        mode.addListener((obs, old, now) -> showBoard());
    }

    /** Reads the event's map, seat states, sellers and their authorizations again. */
    public void reload() {
        reload(true);
    }

    private void reload(boolean announce) {
        EventInfo e = event.get();
        if (e == null) {
            loaded = null;
            board.set(null);
            sellers.clear();
            quotas.clear();
            areas.clear();
            return;
        }
        if (announce) {
            feedback.working("organizer.auth.loading", e.name());
        }
        tasks.execute(() -> load(e), loaded -> {
            if (event.get() == null || event.get().id() != e.id()) {
                return;
            }
            long keep = seller.get() == null ? -1 : seller.get().seller().accountId();
            this.loaded = loaded;
            sellers.setAll(loaded.sellers());
            seller.set(loaded.sellers().stream().filter(s -> s.seller().accountId() == keep).findFirst().orElse(null));
            fillQuotas();
            showBoard();
            if (announce) {
                feedback.done("organizer.auth.loaded", e.name(),
                        loaded.sellers().stream().filter(SellerRow::authorized).count());
            }
        }, feedback::failed);
    }

    private record Loaded(SeatMap map, Availability seats, List<SellerAuthorization> authorizations, List<SellerRow> sellers,
                          List<AreaCount> areas) {}

    private Loaded load(EventInfo e) {
        SeatMap map = session.seatMap(e.venueId(), e.seatMapVersion());
        Availability seats = session.seats(e.id());
        List<SellerAuthorization> authorizations = session.authorizations(e.id());
        Map<Long, SellerAuthorization> bySeller = new HashMap<>();
        authorizations.forEach(a -> bySeller.put(a.sellerId(), a));
        List<SellerRow> rows = session.accounts("SELLER").stream()
                .map(a -> new SellerRow(a, bySeller.get(a.accountId()))).toList();
        return new Loaded(map, seats, authorizations, rows, map.areas().isEmpty() ? List.of() : session.areas(e.id()));
    }

    static Map<String, SeatStatus> taken(Availability seats, List<SellerAuthorization> authorizations) {
        Map<String, SeatStatus> taken = new HashMap<>();
        authorizations.forEach(a -> a.allocatedSeats().forEach(id -> taken.put(id, SeatStatus.ALLOCATED)));
        seats.seats().forEach((status, ids) -> {
            SeatStatus shown = SeatStatus.ofWire(status);
            if (shown != SeatStatus.FREE) {
                ids.forEach(id -> taken.put(id, shown));
            }
        });
        return taken;
    }

    /**
     * Adding: every seat sold, held, blocked or in any block is taken. Taking back: only the chosen seller's free
     * block seats can be picked; every other seat is shown taken.
     */
    private void showBoard() {
        Loaded l = loaded;
        if (l == null) {
            board.set(null);
            return;
        }
        Map<String, SeatStatus> taken = taken(l.seats(), l.authorizations());
        SellerRow row = seller.get();
        if (mode.get() == BlockMode.TAKE_BACK) {
            java.util.Set<String> block = row == null || row.authorization() == null ? java.util.Set.of()
                    : row.authorization().allocatedSeats();
            l.map().seats().forEach(s -> {
                if (block.contains(s.id()) && taken.get(s.id()) == SeatStatus.ALLOCATED) {
                    taken.remove(s.id());
                } else {
                    taken.putIfAbsent(s.id(), SeatStatus.BLOCKED);
                }
            });
        }
        SeatBoard next = new SeatBoard(l.map(), taken, l.areas());
        if (!next.equals(board.get())) { // a new board clears the seats picked on the map
            board.set(next);
        }
    }

    private void fillQuotas() {
        Loaded b = loaded;
        if (b == null) {
            quotas.clear();
            areas.clear();
            return;
        }
        SellerRow row = seller.get();
        Map<String, Integer> seatsPerCategory = new HashMap<>();
        b.map().seats().forEach(s -> seatsPerCategory.merge(s.categoryId(), 1, Integer::sum));
        Map<String, Integer> placesPerCategory = new HashMap<>();
        b.areas().forEach(a -> placesPerCategory.merge(a.categoryId(), a.capacity(), Integer::sum));
        quotas.setAll(b.map().categories().stream().map(c -> new QuotaRow(c, seatsPerCategory.getOrDefault(c.id(), 0),
                new SimpleIntegerProperty(row == null || row.authorization() == null ? 0
                        : row.authorization().quotas().getOrDefault(c.id(), 0)),
                placesPerCategory.getOrDefault(c.id(), 0))).toList());
        Map<String, AreaCount> counts = new HashMap<>();
        b.areas().forEach(c -> counts.put(c.areaId(), c));
        SellerAuthorization auth = row == null ? null : row.authorization();
        areas.setAll(b.map().areas().stream().filter(a -> counts.containsKey(a.id())).map(a -> {
            int allocated = auth == null ? 0 : auth.allocatedAreas().getOrDefault(a.id(), 0);
            return new AreaRow(a, counts.get(a.id()), new SimpleIntegerProperty(counts.get(a.id()).capacity()),
                    new SimpleIntegerProperty(allocated), allocated,
                    auth == null ? 0 : auth.allocatedAreasSold().getOrDefault(a.id(), 0));
        }).toList());
    }

    /**
     * Issue 18: sets a standing area's capacity to the one typed in its row; refused in words below the places sold,
     * held and set aside for sellers (here, or by the center when they changed meanwhile).
     */
    public void changeCapacity(AreaRow row) {
        EventInfo e = event.get();
        if (e == null || row == null) {
            return;
        }
        int wanted = row.capacity().get();
        String name = row.area().name();
        AreaCount c = row.count();
        if (wanted < row.taken()) {
            feedback.refuse("organizer.area.belowTaken", name, row.taken(), c.sold(), c.held(), c.allocated());
            return;
        }
        feedback.working("organizer.area.changing", name);
        tasks.execute(() -> session.changeAreaCapacity(e.id(), row.area().id(), wanted), now -> {
            feedback.done("organizer.area.changed", name, now.capacity(), now.remaining());
            reload(false);
        }, failure -> {
            if (failure instanceof CenterProblemException p && "capacity-below-sold".equals(p.kind())) {
                feedback.setBusy(false);
                feedback.refuse("organizer.area.belowTakenNow", name);
                reload(false);
            } else {
                feedback.failed(failure);
            }
        });
    }

    /** Posts the chosen seller's quotas and the picked seats (added to any block it already has). */
    public void authorize() {
        EventInfo e = event.get();
        SellerRow row = seller.get();
        if (e == null || row == null) {
            feedback.refuse("organizer.auth.chooseSeller");
            return;
        }
        Map<String, Integer> quotaMap = new LinkedHashMap<>();
        quotas.forEach(q -> quotaMap.put(q.category().id(), q.quota().get()));
        if (quotaMap.values().stream().allMatch(q -> q == 0)) {
            feedback.refuse("organizer.auth.noQuota");
            return;
        }
        // seats picked while taking back are the seller's own: authorizing then changes the quotas only
        List<String> seats = mode.get() == BlockMode.ADD ? List.copyOf(new TreeSet<>(picked)) : List.of();
        Account account = row.seller();
        // issue 18: only the allocations that change are sent; each is checked against what is known first
        Map<String, Integer> places = new java.util.TreeMap<>();
        for (AreaRow area : areas) {
            int wanted = area.allocation().get();
            if (wanted == area.allocated()) {
                continue;
            }
            if (wanted < area.sold()) {
                feedback.refuse("organizer.auth.allocationBelowSold", account.displayName(), area.sold(),
                        area.area().name());
                return;
            }
            if (wanted - area.allocated() > area.count().remaining()) {
                feedback.refuse("organizer.auth.areaFull", area.area().name(), area.count().remaining());
                return;
            }
            places.put(area.area().id(), wanted);
        }
        feedback.working("organizer.auth.authorizing", account.displayName());
        tasks.execute(() -> session.authorize(e.id(), new AuthorizeSeller(account.accountId(), quotaMap, seats,
                places.isEmpty() ? null : places)), done -> {
            int standing = done.allocatedAreas().values().stream().mapToInt(Integer::intValue).sum();
            if (standing == 0) {
                feedback.done("organizer.auth.authorized", account.displayName(), done.allocatedSeats().size());
            } else {
                feedback.done("organizer.auth.authorizedPlaces", account.displayName(), done.allocatedSeats().size(),
                        standing);
            }
            reload(false);
            eventsChanged.run();
        }, failure -> {
            if (failure instanceof CenterProblemException p
                    && ("area-full".equals(p.kind()) || "allocation-below-sold".equals(p.kind()))) {
                feedback.setBusy(false);
                feedback.refuse("organizer.auth.placesChanged");
                reload(false);
            } else {
                feedback.failed(failure);
            }
        });
    }

    /** Takes the picked seats back from the chosen seller's block; sold or held ones stay (the answer says so). */
    public void takeBack() {
        EventInfo e = event.get();
        SellerRow row = seller.get();
        if (e == null || row == null || row.authorization() == null) {
            feedback.refuse("organizer.auth.chooseAuthorizedSeller");
            return;
        }
        if (picked.isEmpty()) {
            feedback.refuse("organizer.auth.pickToTakeBack");
            return;
        }
        List<String> seats = List.copyOf(new TreeSet<>(picked));
        Account account = row.seller();
        feedback.working("organizer.auth.takingBack", seats.size(), account.displayName());
        tasks.execute(() -> session.releaseSeats(e.id(), account.accountId(), seats), done -> {
            if (done.kept().isEmpty()) {
                feedback.done("organizer.auth.takenBack", done.released().size(), account.displayName());
            } else {
                feedback.done("organizer.auth.takenBackSome", done.released().size(), account.displayName(),
                        done.kept().size());
            }
            reload(false);
            eventsChanged.run();
        }, feedback::failed);
    }

    public ObjectProperty<BlockMode> modeProperty() {
        return mode;
    }

    public ObservableList<EventInfo> events() {
        return events;
    }

    public ObjectProperty<EventInfo> eventProperty() {
        return event;
    }

    public ObservableList<SellerRow> sellers() {
        return sellers;
    }

    public ObjectProperty<SellerRow> sellerProperty() {
        return seller;
    }

    public ObservableList<QuotaRow> quotas() {
        return quotas;
    }

    /** Issue 18: the event's standing areas, with the chosen seller's allocation of each. */
    public ObservableList<AreaRow> areas() {
        return areas;
    }

    /** The free seats picked on the map for the chosen seller. */
    public ObservableSet<String> picked() {
        return picked;
    }

    public ReadOnlyObjectProperty<SeatBoard> boardProperty() {
        return board.getReadOnlyProperty();
    }

    Feedback feedback() {
        return feedback;
    }
}
