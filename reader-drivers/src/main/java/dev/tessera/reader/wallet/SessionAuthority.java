package dev.tessera.reader.wallet;

/**
 * Who holds a chip's static key and opens sessions with it (docs/card-protocol.md §7): at a counter terminal the
 * center, which checks the card cryptogram and the caller's entitlement and hands back only what this one session
 * needs. The terminal never sees the static key.
 */
@FunctionalInterface
public interface SessionAuthority {

    /** The host cryptogram to send with AUTH VERIFY and the session MAC key S (16 bytes) of this session. */
    record Grant(byte[] hostCryptogram, byte[] sessionMacKey) {
        @Override
        public String toString() {
            return "Grant[keys not shown]";
        }
    }

    /**
     * @param chipId        the chip id from SELECT, hex
     * @param key           the key the terminal named in AUTH INIT
     * @param hostChallenge RND.H, 8 bytes, as sent in AUTH INIT
     * @param cardAnswer    AUTH INIT's answer, RND.C ‖ card cryptogram (16 bytes)
     * @throws WalletException (a {@link CardProtocolException}) when the card's cryptogram is wrong, or the
     *                         authority's own refusal (no entitlement) as an unchecked exception of its kind
     */
    Grant open(String chipId, KeyRef key, byte[] hostChallenge, byte[] cardAnswer) throws WalletException;
}
