package dev.tessera.reader.conformance;

import java.io.ByteArrayOutputStream;
import java.util.HexFormat;

/** ISO 7816-4 command encoding for the sweep, written here so that the driver's encoder is not what is tested. */
public final class Apdus {

    private Apdus() {
    }

    /** How Le travels: absent, one byte (short) or two (extended). */
    enum Le { ABSENT, SHORT, EXTENDED }

    /**
     * One command APDU. {@code le} is the Ne asked for (256 short and 65,536 extended encode as zeros);
     * {@code extended} picks the extended encoding of Lc and Le.
     */
    public record Command(int cla, int ins, int p1, int p2, byte[] data, int le, boolean extended) {

        boolean hasLe() {
            return le > 0;
        }

        /** Ne as the card sees it: 0 without Le, at most 32,767 (§1). */
        int ne() {
            return Math.min(le, WalletSpec.MAX_NE);
        }

        byte[] encode() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(cla);
            out.write(ins);
            out.write(p1);
            out.write(p2);
            if (extended) {
                out.write(0);
                if (data.length > 0) {
                    out.write(data.length >> 8);
                    out.write(data.length);
                    out.write(data, 0, data.length);
                }
                if (hasLe()) {
                    int value = le >= 65_536 ? 0 : le;
                    out.write(value >> 8);
                    out.write(value);
                }
            } else {
                if (data.length > 0) {
                    out.write(data.length);
                    out.write(data, 0, data.length);
                }
                if (hasLe()) {
                    out.write(le >= 256 ? 0 : le);
                }
            }
            return out.toByteArray();
        }

        /** Encodable at all: extended needs Lc or Le; short needs Nc ≤ 255 and Ne ≤ 256. */
        boolean valid() {
            if (extended) {
                return data.length > 0 || hasLe();
            }
            return data.length <= 255 && le <= 256;
        }

        String shape() {
            String lc = data.length == 0 ? "no data" : "Nc " + data.length;
            String ne = hasLe() ? "Ne " + le : "no Le";
            return (extended ? "extended " : "short ") + lc + ", " + ne;
        }

        @Override
        public String toString() {
            String hex = HexFormat.of().formatHex(encode());
            return String.format("%02X %02X %02X %02X (%s) %s", cla, ins, p1, p2, shape(),
                    hex.length() > 40 ? hex.substring(0, 40) + "…" : hex);
        }
    }
}
