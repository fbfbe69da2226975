package dev.tessera.client;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * The center's address: {@code https://} anywhere, {@code http://} only on this computer (issue 16: passwords,
 * session tokens and chip keys must not cross a network in clear).
 */
public final class CenterAddress {
    private CenterAddress() {}

    /**
     * The address {@code text} names.
     *
     * @throws IllegalArgumentException in words when it is no http:// or https:// address with a host
     * @throws PlainHttpException when it is an http:// address off this computer
     */
    public static URI parse(String text) {
        URI uri = null;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            // reported below in words
        }
        if (uri == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException("the platform center URL \"" + text
                    + "\" is not an http:// or https:// address, e.g. https://center.example");
        }
        return check(uri);
    }

    /** {@code uri} itself, unless it is an http:// address off this computer ({@link PlainHttpException}). */
    public static URI check(URI uri) {
        if ("http".equals(uri.getScheme()) && (uri.getHost() == null || !onThisComputer(uri.getHost()))) {
            throw new PlainHttpException("the platform center at " + uri.getHost() + " must be reached over "
                    + "https:// (plain http:// only on this computer, e.g. http://127.0.0.1:8410): over http:// "
                    + "passwords and session tokens would cross the network unencrypted");
        }
        return uri;
    }

    /** A remote center's address with http://: refused, said in words. */
    public static final class PlainHttpException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        PlainHttpException(String message) {
            super(message);
        }
    }

    /** localhost, 127.0.0.0/8 and ::1, by name only: no name lookup, which a network could answer falsely. */
    static boolean onThisComputer(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return h.equalsIgnoreCase("localhost") || h.matches("127(\\.\\d{1,3}){3}") || h.equals("::1")
                || h.equals("0:0:0:0:0:0:0:1");
    }
}
