package dev.tessera.contract.availability;

import java.util.List;
import java.util.Map;

/**
 * Seats grouped by status; {@code allocatedToYou} lists the caller's own seat blocks; {@code areas} the standing
 * areas' counts.
 */
public record Availability(long eventId, long revision, Map<String, List<String>> seats, List<String> allocatedToYou,
                           List<CategoryCount> counts, List<AreaCount> areas) {
    public record CategoryCount(String categoryId, int free, int held, int sold, int blocked) {}
}
