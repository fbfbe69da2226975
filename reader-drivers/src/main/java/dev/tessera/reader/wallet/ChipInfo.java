package dev.tessera.reader.wallet;

import dev.tessera.reader.applet.WalletProtocol;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * GET INFO (and the SELECT response), docs/card-protocol.md §4.1.
 *
 * @param chipId    empty while BLANK
 * @param publicKey SEC1 uncompressed P-256 point, empty while BLANK
 */
public record ChipInfo(int appVersion, int lifeCycle, int capacity, int freeSlots, int slotSize, int authTriesLeft,
                       boolean extendedLength, byte[] chipId, byte[] publicKey) {

    public ChipInfo {
        chipId = chipId.clone();
        publicKey = publicKey.clone();
    }

    static ChipInfo parse(byte[] d) throws CardProtocolException {
        try {
            int at = 9;
            int idLength = d[at++] & 0xFF;
            byte[] id = Arrays.copyOfRange(d, at, at + idLength);
            at += idLength;
            int keyLength = d[at++] & 0xFF;
            byte[] key = Arrays.copyOfRange(d, at, at + keyLength);
            if (at + keyLength != d.length) {
                throw new CardProtocolException("GET INFO has " + (d.length - at - keyLength) + " bytes too many");
            }
            return new ChipInfo(((d[0] & 0xFF) << 8) | (d[1] & 0xFF), d[2], d[3] & 0xFF, d[4] & 0xFF,
                    ((d[5] & 0xFF) << 8) | (d[6] & 0xFF), d[7] & 0xFF,
                    (d[8] & WalletProtocol.FEATURE_EXTENDED_LENGTH) != 0, id, key);
        } catch (ArrayIndexOutOfBoundsException e) {
            throw new CardProtocolException("GET INFO response is truncated (" + d.length + " bytes)", e);
        }
    }

    @Override
    public byte[] chipId() {
        return chipId.clone();
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    public String chipIdHex() {
        return HexFormat.of().formatHex(chipId);
    }

    public boolean blank() {
        return lifeCycle == WalletProtocol.STATE_BLANK;
    }

    public boolean personalized() {
        return lifeCycle == WalletProtocol.STATE_PERSONALIZED;
    }

    public boolean locked() {
        return lifeCycle == WalletProtocol.STATE_LOCKED;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChipInfo c && appVersion == c.appVersion && lifeCycle == c.lifeCycle
                && capacity == c.capacity && freeSlots == c.freeSlots && slotSize == c.slotSize
                && authTriesLeft == c.authTriesLeft && extendedLength == c.extendedLength
                && Arrays.equals(chipId, c.chipId) && Arrays.equals(publicKey, c.publicKey);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(chipId);
    }

    @Override
    public String toString() {
        return "ChipInfo[chip " + chipIdHex() + ", state " + lifeCycle + ", " + freeSlots + "/" + capacity + " free]";
    }
}
