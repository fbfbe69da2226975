package dev.tessera.reader.delivery;

import dev.tessera.reader.center.CenterClient;
import dev.tessera.reader.center.CenterException;
import dev.tessera.reader.counter.TicketWriter;
import dev.tessera.reader.pcsc.PcscReader;
import dev.tessera.reader.pcsc.ReaderUnavailableException;
import dev.tessera.reader.pcsc.Readers;
import dev.tessera.reader.wallet.ApduLog;
import dev.tessera.reader.wallet.CardGoneException;
import dev.tessera.reader.wallet.WalletCard;
import dev.tessera.reader.wallet.WalletException;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import javax.smartcardio.CardTerminal;

/**
 * The wallet writer (claims 67, 76, 81, 89), standing in for a phone wallet: signs in as the member, downloads the
 * ticket package of the chip on the reader ({@code GET /api/chips/{id}/tickets}) and writes it to the chip through
 * any PC/SC reader. See docs/readers.md.
 *
 * <pre>
 * java -cp reader-drivers.jar:lib/* dev.tessera.reader.delivery.WalletWriterMain \
 *     --center http://127.0.0.1:8410 --login hana [--reader "ACR122"] [--wait 30] [--library /path/libpcsclite.so.1]
 * </pre>
 * The password comes from the environment variable TESSERA_PASSWORD (or the one --password-env names).
 */
public final class WalletWriterMain {

    public static final int OK = 0;
    public static final int CARD_FAILED = 1;
    public static final int USAGE = 2;
    public static final int CENTER_FAILED = 3;
    public static final int NO_READER = 4;

    private WalletWriterMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                break;
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        String password = env.get(options.getOrDefault("password-env", "TESSERA_PASSWORD"));
        if (args.length % 2 != 0 || !options.containsKey("center") || !options.containsKey("login") || password == null) {
            err.println("usage: WalletWriterMain --center URL --login ID [--reader NAME] [--wait SECONDS]"
                    + " [--library PATH] [--password-env VAR]   (password in $TESSERA_PASSWORD)");
            return USAGE;
        }
        if (options.containsKey("library")) {
            System.setProperty(Readers.LIBRARY_PROPERTY, options.get("library"));
        }
        try {
            CenterClient center = CenterClient.login(URI.create(options.get("center")), options.get("login"),
                    password.toCharArray());
            CardTerminal terminal = Readers.find(Readers.pcsc(), options.getOrDefault("reader", ""))
                    .orElseThrow(() -> new ReaderUnavailableException("no reader named like \""
                            + options.getOrDefault("reader", "") + "\"", null));
            try (PcscReader reader = new PcscReader(terminal)) {
                out.println("Hold your card on " + reader.name() + " ...");
                TicketWriter.Result result = deliver(center, reader,
                        Duration.ofSeconds(Long.parseLong(options.getOrDefault("wait", "30"))));
                out.printf("Card %s: %d ticket(s) written, %d removed, %d free slots.%n", result.chipId(),
                        result.written(), result.deleted(), result.freeSlots());
                return OK;
            }
        } catch (CenterException e) {
            err.println("The center refused or could not be reached: " + e.getMessage());
            return CENTER_FAILED;
        } catch (ReaderUnavailableException e) {
            err.println("No reader: " + e.getMessage());
            return NO_READER;
        } catch (WalletException e) {
            err.println(e.userMessage() + " (" + e.getMessage() + ")");
            return CARD_FAILED;
        } catch (NumberFormatException e) {
            err.println("--wait takes whole seconds");
            return USAGE;
        }
    }

    /** Waits for a card, then makes it hold exactly the center's package for it; a card pulled early is retried once. */
    public static TicketWriter.Result deliver(CenterClient center, PcscReader reader, Duration wait)
            throws WalletException, CenterException {
        if (!reader.waitForCard(wait)) {
            throw new CardGoneException("no card was put on " + reader.name() + " within " + wait.toSeconds() + " s", null);
        }
        TicketWriter writer = new TicketWriter(center);
        try {
            return writer.reconcile(new WalletCard(ApduLog.wrap(reader.connect())), CenterClient.Entitlement.delivery());
        } catch (CardGoneException first) {
            if (!reader.waitForCard(wait)) {
                throw first;
            }
            return writer.reconcile(new WalletCard(ApduLog.wrap(reader.reconnect())), CenterClient.Entitlement.delivery());
        }
    }
}
