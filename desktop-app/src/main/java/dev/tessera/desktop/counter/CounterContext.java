package dev.tessera.desktop.counter;

import dev.tessera.desktop.center.CenterClient;
import dev.tessera.desktop.center.CenterSession;
import dev.tessera.desktop.ledger.TerminalIdentity;
import dev.tessera.desktop.ui.DialogService;
import dev.tessera.desktop.ui.Localization;
import dev.tessera.desktop.ui.TaskExecutor;
import java.time.Clock;
import javafx.beans.value.ObservableBooleanValue;

/**
 * What the counter workspace works with: the clerk's session, a client for member sign-ins (transfers),
 * the journal, this terminal's identity, the reader, whether the center answers, and the dialogs that ask before
 * money leaves the drawer.
 */
public record CounterContext(CenterSession session, CenterClient client, Journal journal, TerminalIdentity terminal,
                             CounterReader reader, VirtualChips virtualChips, ObservableBooleanValue online,
                             TaskExecutor tasks, Localization l10n, DialogService dialogs, Clock clock) {}
