package dev.tessera.center.chipkeys;

import dev.tessera.center.PlatformCenter;
import dev.tessera.core.crypto.ChipSessionCrypto;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A card's side of AUTH INIT for center tests: the static keys (read through the center's own key service, as the
 * card got them at PERSONALIZE) and an AUTH INIT answer the terminal would relay.
 */
public final class ChipCards {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private ChipCards() {}

    /** What AUTH INIT put on the wire: RND.H from the terminal, RND.C ‖ card cryptogram from the card. */
    public record Tap(byte[] hostChallenge, byte[] cardChallenge, byte[] cardAnswer) {
        /** The session key and host cryptogram the card will accept, computed from the static key. */
        public byte[] sessionKey(byte[] staticKey) {
            return ChipSessionCrypto.sessionMacKey(staticKey, hostChallenge, cardChallenge);
        }

        public byte[] hostCryptogram(byte[] staticKey) {
            return ChipSessionCrypto.hostCryptogram(sessionKey(staticKey), hostChallenge, cardChallenge);
        }
    }

    public static byte[] staticKey(PlatformCenter center, boolean gate, String chipId) {
        return center.services().chipKeys().staticKey(gate, HEX.parseHex(chipId));
    }

    /** The key of a gate session for one event, as the card derives it from its gate key (card-protocol §7). */
    public static byte[] eventGateKey(PlatformCenter center, String chipId, long eventId) {
        return center.services().chipKeys().eventGateKey(HEX.parseHex(chipId), eventId);
    }

    /** The answer of a card that holds {@code staticKey}. */
    public static Tap tap(byte[] staticKey) {
        byte[] rndH = random(8);
        byte[] rndC = random(8);
        byte[] s = ChipSessionCrypto.sessionMacKey(staticKey, rndH, rndC);
        byte[] answer = Arrays.copyOf(rndC, 16);
        System.arraycopy(ChipSessionCrypto.cardCryptogram(s, rndH, rndC), 0, answer, 8, 8);
        return new Tap(rndH, rndC, answer);
    }

    /** The body of POST /api/chip-sessions. */
    public static Map<String, Object> request(String chipId, String keyRef, String purpose, Long saleId,
                                              Long transferId, Long eventId, Tap tap) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("chipId", chipId);
        body.put("keyRef", keyRef);
        body.put("purpose", purpose);
        if (saleId != null) {
            body.put("saleId", saleId);
        }
        if (transferId != null) {
            body.put("transferId", transferId);
        }
        if (eventId != null) {
            body.put("eventId", eventId);
        }
        body.put("hostChallenge", HEX.formatHex(tap.hostChallenge()));
        body.put("cardAnswer", HEX.formatHex(tap.cardAnswer()));
        return body;
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
