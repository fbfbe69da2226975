package dev.tessera.reader.wallet;

import static dev.tessera.reader.applet.WalletProtocol.*;

import java.util.HexFormat;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs each exchange as hex, but never key material: PERSONALIZE data (keys), the AUTH exchanges (challenges and
 * cryptograms), the KEY AGREEMENT answer (the ECDH secret) and C-MACs show as lengths only; ticket envelopes are
 * cut to their first bytes.
 */
public final class ApduLog implements CardTransport {

    private static final Logger LOG = LoggerFactory.getLogger(ApduLog.class);
    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    private static final int SHOWN = 24;

    private final CardTransport next;
    private final Consumer<String> sink;

    public ApduLog(CardTransport next, Consumer<String> sink) {
        this.next = next;
        this.sink = sink;
    }

    /** Logs at DEBUG through SLF4J, logger {@code dev.tessera.reader.wallet.ApduLog}. */
    public static CardTransport wrap(CardTransport next) {
        return LOG.isDebugEnabled() ? new ApduLog(next, LOG::debug) : next;
    }

    @Override
    public byte[] transmit(byte[] command) throws CardGoneException {
        sink.accept(">> " + describeCommand(command));
        long start = System.nanoTime();
        try {
            byte[] response = next.transmit(command);
            sink.accept("<< " + describeResponse(command, response) + " (" + (System.nanoTime() - start) / 1000 + " µs)");
            return response;
        } catch (CardGoneException e) {
            sink.accept("<< card gone: " + e.getMessage());
            throw e;
        }
    }

    static String describeCommand(byte[] c) {
        if (c.length < 4) {
            return HEX.formatHex(c);
        }
        String header = HEX.formatHex(c, 0, 4);
        if (c.length <= 5) {
            return header + (c.length == 5 ? " Le=" + HEX.formatHex(c, 4, 5) : "");
        }
        boolean extended = Apdu.isExtended(c) && c.length > 7;
        int dataStart = extended ? 7 : 5;
        int nc = extended ? ((c[5] & 0xFF) << 8) | (c[6] & 0xFF) : c[4] & 0xFF;
        if (dataStart + nc > c.length) {
            return header + " [" + (c.length - 4) + " bytes]";
        }
        byte ins = c[1];
        boolean secure = (c[0] & ~CLA_CHAINING_BIT) == CLA_SECURE;
        String data;
        if (ins == INS_PERSONALIZE && nc >= CHIP_ID_LENGTH) {
            data = "chip id " + HEX.formatHex(c, dataStart, dataStart + CHIP_ID_LENGTH) + ", keys redacted";
        } else if (ins == INS_AUTH_INIT || ins == INS_AUTH_VERIFY) {
            data = "redacted";
        } else {
            int shown = secure && (c[0] & CLA_CHAINING_BIT) == 0 ? Math.max(0, nc - MAC_LENGTH) : nc;
            data = HEX.formatHex(c, dataStart, dataStart + Math.min(shown, SHOWN)) + (shown > SHOWN ? "…" : "")
                    + (shown < nc ? " +MAC" : "");
        }
        return header + " Lc=" + nc + (extended ? " (extended)" : "") + " [" + data + "]"
                + (c.length > dataStart + nc ? " Le" : "");
    }

    static String describeResponse(byte[] command, byte[] r) {
        if (r.length < 2) {
            return HEX.formatHex(r);
        }
        String sw = HEX.formatHex(r, r.length - 2, r.length);
        int n = r.length - 2;
        if (n == 0) {
            return sw;
        }
        byte ins = command.length > 1 ? command[1] : 0;
        if (ins == INS_KEY_AGREEMENT || ins == INS_AUTH_INIT) {
            return "[" + n + " bytes redacted] " + sw;
        }
        return "[" + n + " bytes " + HEX.formatHex(r, 0, Math.min(n, SHOWN)) + (n > SHOWN ? "…" : "") + "] " + sw;
    }
}
