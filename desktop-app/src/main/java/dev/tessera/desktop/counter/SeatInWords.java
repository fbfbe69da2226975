package dev.tessera.desktop.counter;

import dev.tessera.core.seatmap.Category;
import dev.tessera.core.seatmap.Seat;
import dev.tessera.core.seatmap.SeatMap;
import dev.tessera.desktop.center.CenterApiTypes.EventInfo;
import dev.tessera.desktop.ui.Formats;
import dev.tessera.desktop.ui.Localization;
import java.util.List;

/** Issue 17: a seat of the event as the clerk hovers it: section, row and seat, its category and its price. */
public final class SeatInWords {
    private SeatInWords() {}

    public static String of(SeatMap map, EventInfo event, List<Category> categories, String seatId, Localization l10n) {
        SeatPlace place = SeatPlace.of(map, seatId);
        String categoryId = map.seat(seatId).map(Seat::categoryId).orElse("");
        String category = categories.stream().filter(c -> c.id().equals(categoryId)).map(Category::name).findFirst()
                .orElse(categoryId);
        Long price = event == null ? null : event.pricesMinor().get(categoryId);
        String money = price == null ? "" : Formats.money(price, event.currency(), l10n.getLocale());
        return l10n.text("counter.hover.seat", place.section(), place.row(), place.seat(), category, money);
    }
}
