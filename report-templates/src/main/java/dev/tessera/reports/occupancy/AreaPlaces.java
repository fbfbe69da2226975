package dev.tessera.reports.occupancy;

/**
 * Issue 18: a general-admission (standing) area's places as the center counts them: capacity, held, sold, set aside
 * for sellers' offline counters (allocated), and the area's tickets admitted at the gates.
 */
public record AreaPlaces(String areaId, int capacity, int held, int sold, int allocated, int admitted) {
    /** The occupancy line of the area, beside the seated sections: allocated places count as blocked. */
    OccupancyRow row(String areaName, String categoryName) {
        return new OccupancyRow(areaName, categoryName, capacity, sold, held, allocated,
                Math.max(0, capacity - held - sold - allocated), admitted);
    }

    public static java.util.List<OccupancyRow> rows(dev.tessera.reports.data.EventInfo event,
                                                    java.util.Collection<AreaPlaces> areas) {
        java.util.Map<String, AreaPlaces> byId = new java.util.HashMap<>();
        areas.forEach(a -> byId.put(a.areaId(), a));
        java.util.List<OccupancyRow> rows = new java.util.ArrayList<>();
        for (var area : event.seatMap().areas()) {
            AreaPlaces places = byId.get(area.id());
            if (places != null) {
                rows.add(places.row(area.name(), event.categoryName(area.categoryId())));
            }
        }
        return rows;
    }
}
