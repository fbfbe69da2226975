package dev.tessera.desktop.crash;

import dev.tessera.desktop.counter.CounterReader;
import dev.tessera.reader.wallet.CardGoneException;
import dev.tessera.reader.wallet.WalletCard;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.security.SecureRandom;

/** The child's reader: every tap is a connection to the {@link ChipServer}. */
final class SocketReader implements CounterReader {
    private final int port;
    private Socket socket;

    SocketReader(int port) {
        this.port = port;
    }

    @Override
    public WalletCard tap() throws CardGoneException {
        try {
            if (socket != null) {
                socket.close();
            }
            socket = new Socket(InetAddress.getLoopbackAddress(), port);
            DataInputStream in = new DataInputStream(socket.getInputStream());
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            return new WalletCard(command -> {
                try {
                    out.writeShort(command.length);
                    out.write(command);
                    out.flush();
                    return in.readNBytes(in.readUnsignedShort());
                } catch (IOException e) {
                    throw new CardGoneException("the chip server went away", e);
                }
            }, WalletCard.LengthMode.EXTENDED, new SecureRandom());
        } catch (IOException e) {
            throw new CardGoneException("no chip server", e);
        }
    }
}
