package dev.tessera.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The load generator's HTTP/1.1 client: one kept-alive connection a seller, requests written as bytes, answers read
 * by their Content-Length or chunks. A seller at a real on-sale sends from its own machine; on the benchmark's
 * 2 cores every millisecond the load generator spends is taken from the center and PostgreSQL, so it spends as few as
 * it can (pgbench's client, written in C, takes ~0.15 ms a transaction). {@code java.net.http} with JSON trees cost
 * the sellers' JVM more than a millisecond a request. Not thread-safe: one instance a seller thread.
 */
final class LeanHttp implements AutoCloseable {
    /** An answer: its status and its body (UTF-8 JSON for the routes the sellers use). */
    record Answer(int status, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final String host;
    private final int port;
    private final byte[] head;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    /** A client for {@code base} (http only, the benchmark's loopback center) that sends {@code bearerToken}. */
    LeanHttp(URI base, String bearerToken) {
        if (!"http".equals(base.getScheme())) {
            throw new IllegalArgumentException("the load generator speaks plain HTTP to a loopback center, not " + base);
        }
        this.host = base.getHost();
        this.port = base.getPort();
        this.head = ("Host: " + host + ":" + port + "\r\nAuthorization: Bearer " + bearerToken
                + "\r\nContent-Type: application/json\r\nAccept: application/json\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * POSTs a JSON body under an {@code Idempotency-Key}, as the desktop sends its holds and sales; a connection the
     * center closed is opened again for the next request (never resent).
     */
    Answer post(String path, String json, String idempotencyKey) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream request = new ByteArrayOutputStream(256 + body.length);
        request.writeBytes(("POST " + path + " HTTP/1.1\r\n").getBytes(StandardCharsets.US_ASCII));
        request.writeBytes(head);
        request.writeBytes(("Idempotency-Key: " + idempotencyKey + "\r\n").getBytes(StandardCharsets.US_ASCII));
        request.writeBytes(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        request.writeBytes(body);
        if (socket == null) {
            connect();
        }
        try {
            out.write(request.toByteArray());
            out.flush();
            return read();
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private void connect() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(host, port), 5_000);
        socket.setSoTimeout(60_000);
        in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        out = socket.getOutputStream();
    }

    private Answer read() throws IOException {
        String status = line();
        if (status == null || !status.startsWith("HTTP/1.1 ")) {
            throw new IOException("no HTTP answer: " + status);
        }
        int code = Integer.parseInt(status.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean closes = false;
        for (String h; !(h = header()).isEmpty(); ) {
            int colon = h.indexOf(':');
            String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = h.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> closes = value.equalsIgnoreCase("close");
                default -> { }
            }
        }
        byte[] body;
        if (chunked) {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            for (int size; (size = Integer.parseInt(header().split(";")[0].trim(), 16)) > 0; ) {
                all.writeBytes(in.readNBytes(size));
                header();
            }
            while (!header().isEmpty()) {
                // trailers
            }
            body = all.toByteArray();
        } else if (length >= 0) {
            body = in.readNBytes((int) length);
            if (body.length != length) {
                throw new IOException("the answer ended after " + body.length + " of " + length + " bytes");
            }
        } else {
            body = in.readAllBytes();
            closes = true;
        }
        if (closes) {
            close();
        }
        return new Answer(code, body);
    }

    /** A line inside an answer: the stream must not end here. */
    private String header() throws IOException {
        String line = line();
        if (line == null) {
            throw new IOException("the connection ended inside an answer");
        }
        return line;
    }

    /** A header line without its CR LF; null at the end of the stream before any byte. */
    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int b; (b = in.read()) != '\n'; ) {
            if (b < 0) {
                if (line.isEmpty()) {
                    return null;
                }
                throw new IOException("the connection ended inside a line");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing
            }
            socket = null;
        }
    }
}
