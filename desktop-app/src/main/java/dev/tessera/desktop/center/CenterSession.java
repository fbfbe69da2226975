package dev.tessera.desktop.center;

import dev.tessera.core.seatmap.SeatMap;
import dev.tessera.core.seatmap.SeatMapFormat;
import dev.tessera.core.seatmap.SeatMapFormatException;
import dev.tessera.desktop.center.CenterApiTypes.Account;
import dev.tessera.desktop.center.CenterApiTypes.Availability;
import dev.tessera.desktop.center.CenterApiTypes.EventInfo;
import dev.tessera.desktop.center.CenterApiTypes.Hold;
import dev.tessera.desktop.center.CenterApiTypes.HoldRequest;
import dev.tessera.desktop.center.CenterApiTypes.Session;
import java.util.List;

/** A signed-in account's calls to the center; every call sends the session's bearer token. */
public final class CenterSession {
    private final CenterHttp http;
    private final Session session;

    CenterSession(CenterHttp http, Session session) {
        this.http = http;
        this.session = session;
    }

    public Account account() {
        return session.account();
    }

    public List<EventInfo> events() {
        return http.get("/api/events", token(), CenterHttp.listOf(EventInfo.class));
    }

    public EventInfo event(long eventId) {
        return http.get("/api/events/" + eventId, token(), CenterHttp.type(EventInfo.class));
    }

    public SeatMap seatMap(long venueId, int version) {
        String document = http.getText("/api/venues/" + venueId + "/seat-maps/" + version, token());
        try {
            return SeatMapFormat.read(document);
        } catch (SeatMapFormatException e) {
            throw new CenterResponseException("the seat map of venue " + venueId + ", version " + version
                    + ", could not be read: " + e.getMessage(), e);
        }
    }

    public Availability seats(long eventId) {
        return http.get("/api/events/" + eventId + "/seats", token(), CenterHttp.type(Availability.class));
    }

    public Hold hold(long eventId, List<String> seatIds) {
        return http.post("/api/events/" + eventId + "/holds", token(), new HoldRequest(seatIds),
                CenterHttp.type(Hold.class));
    }

    public void releaseHold(long holdId) {
        http.delete("/api/holds/" + holdId, token());
    }

    /** Live seat changes of one event until the stream is closed or drops; see {@link SeatStream}. */
    public SeatStream watchSeats(long eventId, SeatStream.Listener listener) {
        return SeatStream.open(http, "/api/events/" + eventId + "/seats/stream", token(), listener);
    }

    public void signOut() {
        http.delete("/api/sessions", token());
    }

    String token() {
        return session.token();
    }
}
