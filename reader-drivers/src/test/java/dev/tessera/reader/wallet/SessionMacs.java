package dev.tessera.reader.wallet;

import java.util.Arrays;
import java.util.Set;

/** Raw secure commands MAC'd with a driver's live session, for data the driver itself never sends. */
public final class SessionMacs {

    /** Status words after which the card has taken the MAC as its chaining value (card-protocol §4.5). */
    private static final Set<Integer> MAC_TAKEN = Set.of(0x9000, 0x6A80, 0x6A84, 0x6A88, 0x6A89, 0x6986);

    private SessionMacs() {
    }

    /** Sends {@code 84 ins 00 00 ‖ data ‖ C-MAC} over {@code transport}; the driver's chain follows the card's. */
    public static int secureSw(WalletCard card, CardTransport transport, int ins, byte[] data, int ne)
            throws WalletException {
        SessionMac mac = card.currentSession();
        byte[] full = mac.mac((byte) ins, (byte) 0, (byte) 0, data);
        byte[] payload = Arrays.copyOf(data, data.length + 8);
        System.arraycopy(full, 0, payload, data.length, 8);
        int sw = Apdu.response(transport.transmit(Apdu.command(0x84, ins, 0, 0, payload, ne))).sw();
        if (MAC_TAKEN.contains(sw)) {
            mac.accepted(full);
        }
        return sw;
    }
}
