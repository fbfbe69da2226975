package dev.tessera.desktop.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on loopback that cuts the network under an HTTP exchange: at the start of each request it
 * rolls the dice and may drop the connection before the whole request reached the server, after the
 * server got it but before any answer came back, or in the middle of the answer. Plain blocking
 * sockets, two pump threads per connection; nothing of HTTP is faked, only bytes are withheld.
 */
final class FlakyProxy implements AutoCloseable {
    /** Where a connection was cut. */
    enum Cut { BEFORE_REQUEST, AFTER_REQUEST, MID_RESPONSE }

    private final InetSocketAddress target;
    private final ServerSocket server;
    private final Random random;
    private final Map<Cut, AtomicInteger> cuts = new EnumMap<>(Cut.class);
    private volatile double cutRate;

    FlakyProxy(int targetPort, double cutRate, long seed) throws IOException {
        this.target = new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort);
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.random = new Random(seed);
        this.cutRate = cutRate;
        for (Cut c : Cut.values()) {
            cuts.put(c, new AtomicInteger());
        }
        Thread.ofPlatform().daemon().name("flaky-proxy").start(this::accept);
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** 0 lets everything through (to settle up after the faults). */
    void cutRate(double rate) {
        this.cutRate = rate;
    }

    int cuts(Cut where) {
        return cuts.get(where).get();
    }

    int totalCuts() {
        return cuts.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(target.getAddress(), target.getPort());
                new Link(client, upstream).start();
            } catch (IOException e) {
                // the proxy was closed, or the center is down: the client sees a dropped connection
            }
        }
    }

    private Cut roll() {
        synchronized (random) {
            if (random.nextDouble() >= cutRate) {
                return null;
            }
            return Cut.values()[random.nextInt(Cut.values().length)];
        }
    }

    private int below(int bound) {
        synchronized (random) {
            return bound <= 1 ? 0 : random.nextInt(bound);
        }
    }

    /** One client connection and its upstream twin. */
    private final class Link {
        private final Socket client;
        private final Socket upstream;
        /** True from a request's first byte until its answer's first byte. */
        private volatile boolean requestOpen;
        private volatile Cut pending;

        Link(Socket client, Socket upstream) {
            this.client = client;
            this.upstream = upstream;
        }

        void start() {
            Thread.ofPlatform().daemon().name("flaky-proxy-up").start(this::clientToServer);
            Thread.ofPlatform().daemon().name("flaky-proxy-down").start(this::serverToClient);
        }

        private void clientToServer() {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = client.getInputStream(); OutputStream out = upstream.getOutputStream()) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    if (!requestOpen) {
                        requestOpen = true;
                        pending = roll();
                        if (pending == Cut.BEFORE_REQUEST) {
                            out.write(buffer, 0, below(n));
                            out.flush();
                            cut(Cut.BEFORE_REQUEST);
                            return;
                        }
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // either side went away: the link is over
            } finally {
                closeBoth();
            }
        }

        private void serverToClient() {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = upstream.getInputStream(); OutputStream out = client.getOutputStream()) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    if (requestOpen) {
                        requestOpen = false;
                        Cut cut = pending;
                        pending = null;
                        if (cut == Cut.AFTER_REQUEST) {
                            cut(cut);
                            return;
                        }
                        if (cut == Cut.MID_RESPONSE) {
                            out.write(buffer, 0, Math.max(1, below(n)));
                            out.flush();
                            cut(cut);
                            return;
                        }
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // either side went away: the link is over
            } finally {
                closeBoth();
            }
        }

        private void cut(Cut where) {
            cuts.get(where).incrementAndGet();
            closeBoth();
        }

        private void closeBoth() {
            try {
                client.close();
            } catch (IOException e) {
                // already closed
            }
            try {
                upstream.close();
            } catch (IOException e) {
                // already closed
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
