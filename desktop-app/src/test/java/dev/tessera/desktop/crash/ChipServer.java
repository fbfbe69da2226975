package dev.tessera.desktop.crash;

import dev.tessera.reader.sim.SimulatedChip;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A simulated chip that outlives the process writing to it: the kill test's child JVM reaches it over
 * a socket (2-byte length, then the APDU; the answer likewise). A new connection is a new tap.
 */
public final class ChipServer implements AutoCloseable {
    private final SimulatedChip chip;
    private final ServerSocket server;
    private final Thread loop;

    public ChipServer(SimulatedChip chip) throws IOException {
        this.chip = chip;
        this.server = new ServerSocket(0, 4, InetAddress.getLoopbackAddress());
        this.loop = new Thread(this::serve, "chip-server");
        loop.setDaemon(true);
        loop.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                synchronized (chip) {
                    chip.simulator().reset();
                }
                DataInputStream in = new DataInputStream(s.getInputStream());
                DataOutputStream out = new DataOutputStream(s.getOutputStream());
                while (true) {
                    int length = in.readUnsignedShort();
                    byte[] command = in.readNBytes(length);
                    if (command.length < length) {
                        // killed while sending: a reader never passes a cut command on to the card (nor did this to
                        // jCardSim, which throws on it, from this thread, into the next TestFX test)
                        break;
                    }
                    byte[] response;
                    synchronized (chip) {
                        response = chip.simulator().transmitCommand(command);
                    }
                    out.writeShort(response.length);
                    out.write(response);
                    out.flush();
                }
            } catch (IOException e) {
                // the tap ended (the child closed or was killed): wait for the next one
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
