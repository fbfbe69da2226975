package dev.tessera.reader.sim;

import com.licel.jcardsim.base.Simulator;
import dev.tessera.reader.applet.TearingProbe;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.util.Objects;
import jdk.net.ExtendedSocketOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries a simulated chip to pcscd's vpcd driver, which then shows it in "Virtual PCD 00 00" like a card on a USB
 * reader. vpcd's protocol: a 2-byte big-endian length, then either one control byte (power off/on, reset, ATR) or
 * an APDU. Connecting is putting the card on the reader; {@link #close()} is pulling it off.
 */
public final class VpcdBridge implements AutoCloseable {

    public static final int DEFAULT_PORT = 35963;
    private static final Logger LOG = LoggerFactory.getLogger(VpcdBridge.class);
    private static final int POWER_OFF = 0;
    private static final int POWER_ON = 1;
    private static final int RESET = 2;
    private static final int GET_ATR = 4;

    private final Simulator chip;
    private final Socket socket;
    private final Thread loop;
    private volatile boolean closing;

    private VpcdBridge(Simulator chip, Socket socket) {
        this.chip = chip;
        this.socket = socket;
        this.loop = new Thread(this::serve, "vpcd-bridge-" + socket.getPort());
        this.loop.setDaemon(true);
    }

    /** Puts the chip on the virtual reader listening at host:port. */
    public static VpcdBridge insert(SimulatedChip chip, String host, int port) throws IOException {
        Objects.requireNonNull(chip, "chip");
        Socket socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(host, port), 2_000);
        VpcdBridge bridge = new VpcdBridge(chip.simulator(), socket);
        bridge.loop.start();
        return bridge;
    }

    private void serve() {
        try (DataInputStream in = new DataInputStream(socket.getInputStream());
             DataOutputStream out = new DataOutputStream(socket.getOutputStream())) {
            while (!closing) {
                quickAck();
                int length = in.readUnsignedShort();
                byte[] message = in.readNBytes(length);
                if (message.length != length) {
                    throw new EOFException("vpcd closed mid-message");
                }
                if (length == 1) {
                    control(message[0], out);
                    continue;
                }
                byte[] response = chip.transmitCommand(message);
                if (tornBy(response)) {
                    LOG.debug("tearing probe fired: pulling the card off vpcd");
                    pull();
                    return;
                }
                send(out, response);
            }
        } catch (EOFException | SocketException e) {
            LOG.debug("vpcd link closed: {}", e.getMessage());
        } catch (IOException e) {
            LOG.warn("vpcd link failed: {}", e.toString());
        }
    }

    private void control(byte command, DataOutputStream out) throws IOException {
        switch (command) {
            case POWER_OFF, POWER_ON, RESET -> chip.reset();
            case GET_ATR -> send(out, chip.getATR());
            default -> LOG.warn("unknown vpcd control byte {}", command);
        }
    }

    private static void send(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeShort(bytes.length);
        out.write(bytes);
        out.flush();
    }

    // Without QUICKACK, Nagle on one side and delayed ACKs on the other cost ~40 ms per APDU.
    private void quickAck() {
        try {
            socket.setOption(ExtendedSocketOptions.TCP_QUICKACK, true);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.trace("TCP_QUICKACK unavailable: {}", e.getMessage());
        }
    }

    private static boolean tornBy(byte[] response) {
        int n = response.length;
        return n >= 2 && (((response[n - 2] & 0xFF) << 8) | (response[n - 1] & 0xFF)) == (TearingProbe.SW_TORN & 0xFFFF);
    }

    /** The power goes with the card: RAM state is lost, EEPROM stays. */
    private void pull() {
        closing = true;
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("closing vpcd socket: {}", e.getMessage());
        }
        chip.reset();
    }

    public boolean connected() {
        return loop.isAlive();
    }

    /** Pulls the card off the reader. */
    @Override
    public void close() {
        pull();
        try {
            loop.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
