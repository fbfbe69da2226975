package dev.tessera.desktop.counter;

import dev.tessera.client.CenterUnreachableException;
import dev.tessera.desktop.ui.ErrorMessages;
import dev.tessera.desktop.ui.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the clerk reads when a counter step fails: a card pulled, a wrong card, the center gone, a printer's refusal. */
public final class CounterFailures {
    private static final Logger LOG = LoggerFactory.getLogger(CounterFailures.class);

    private CounterFailures() {}

    public static Message describe(Exception failure) {
        return switch (failure) {
            case OfflineSeller.Refused r -> r.reason();
            case dev.tessera.reader.wallet.CardGoneException e -> Message.of("counter.chip.gone");
            case dev.tessera.reader.wallet.WrongCardException e -> Message.of("counter.chip.wrong");
            case dev.tessera.reader.wallet.WalletException e -> {
                LOG.warn("chip failure: {}", e.getMessage());
                yield Message.of("counter.chip.failed");
            }
            case CenterUnreachableException e -> Message.of("counter.offline.lost");
            case dev.tessera.reports.ReportException e -> {
                LOG.warn("paper not printed: {}", e.getMessage());
                yield Message.of("counter.paper.failed", e.getMessage());
            }
            default -> ErrorMessages.of(failure);
        };
    }

    /** A chip named by its last four hex digits, "••a1b2": enough for the clerk, not the whole identifier. */
    public static String shortChip(String chipId) {
        return chipId == null ? "" : "\u2022\u2022" + chipId.substring(Math.max(0, chipId.length() - 4));
    }
}
