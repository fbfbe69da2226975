package dev.tessera.reader.wallet;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/** ISO 7816-4 command encoding (short and extended length) and response splitting. */
public final class Apdu {

    public static final int MAX_SHORT_DATA = 255;
    public static final int MAX_EXTENDED_DATA = 65_535;

    private Apdu() {
    }

    /** A response: data and status word. */
    public record Response(byte[] data, int sw) {
        public Response {
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        public boolean ok() {
            return sw == 0x9000;
        }
    }

    /**
     * @param ne expected response length: 0 for none, up to 256 as a short Le (256 encodes as 00), more forces an
     *           extended encoding; a command with more than 255 data bytes is always extended
     */
    public static byte[] command(int cla, int ins, int p1, int p2, byte[] data, int ne) {
        int nc = data == null ? 0 : data.length;
        boolean extended = nc > MAX_SHORT_DATA || ne > 256;
        ByteArrayOutputStream out = new ByteArrayOutputStream(nc + 9);
        out.write(cla);
        out.write(ins);
        out.write(p1);
        out.write(p2);
        if (nc > 0) {
            if (extended) {
                out.write(0);
                out.write(nc >> 8);
                out.write(nc);
            } else {
                out.write(nc);
            }
            out.write(data, 0, nc);
        }
        if (ne > 0) {
            if (extended) {
                if (nc == 0) {
                    out.write(0);
                }
                int le = ne >= 65_536 ? 0 : ne;
                out.write(le >> 8);
                out.write(le);
            } else {
                out.write(ne == 256 ? 0 : ne);
            }
        }
        return out.toByteArray();
    }

    public static Response response(byte[] raw) throws CardProtocolException {
        if (raw == null || raw.length < 2) {
            throw new CardProtocolException("response shorter than a status word");
        }
        int sw = ((raw[raw.length - 2] & 0xFF) << 8) | (raw[raw.length - 1] & 0xFF);
        return new Response(Arrays.copyOf(raw, raw.length - 2), sw);
    }

    /** True if the command uses the extended-length encoding (byte 4 is 00 and more bytes follow). */
    public static boolean isExtended(byte[] command) {
        return command.length > 5 && command[4] == 0;
    }
}
