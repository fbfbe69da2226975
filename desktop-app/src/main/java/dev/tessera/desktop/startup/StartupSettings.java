package dev.tessera.desktop.startup;

import dev.tessera.desktop.center.CenterTrust;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the desktop's platform center is: a remote one ({@code --center-url} or
 * {@code TESSERA_CENTER_URL}), or an embedded one keeping its data in {@link #dataDir()}; {@link #trust()} says which
 * certificates an {@code https://} center may show. {@link #simulatedCards()} is the folder that keeps the simulated
 * reader's cards between runs, outside the data folder (docs/decisions/0014); with it, the embedded center's demo
 * also gives the demo members their cards and adds today's performance. Without it (the tests' set-up) the tray
 * lives as long as the app and the demo is the venue, the event and the accounts.
 */
public record StartupSettings(Optional<URI> remoteCenter, Path dataDir, CenterTrust trust,
                              Optional<Path> simulatedCards) {
    public static final String CENTER_URL_OPTION = "--center-url";
    public static final String CENTER_URL_VARIABLE = "TESSERA_CENTER_URL";
    public static final String DATA_VARIABLE = "TESSERA_DATA";
    /** What the simulated-cards folder's name adds to the data folder's, beside it. */
    public static final String SIMULATED_CARDS_SUFFIX = "-simulated-cards";

    public StartupSettings(Optional<URI> remoteCenter, Path dataDir) {
        this(remoteCenter, dataDir, CenterTrust.SYSTEM);
    }

    public StartupSettings(Optional<URI> remoteCenter, Path dataDir, CenterTrust trust) {
        this(remoteCenter, dataDir, trust, Optional.empty());
    }

    /** The same settings with another center and trust; the data and simulated-cards folders stay. */
    public StartupSettings withCenter(Optional<URI> center, CenterTrust centerTrust) {
        return new StartupSettings(center, dataDir, centerTrust, simulatedCards);
    }

    public static StartupSettings embedded(Path dataDir) {
        return new StartupSettings(Optional.empty(), dataDir);
    }

    public static StartupSettings remote(URI center) {
        return new StartupSettings(Optional.of(center), defaultDataDir(Map.of(), System.getProperty("user.home")));
    }

    /** The command line wins over the environment; an unusable URL is an {@link IllegalArgumentException} in words. */
    public static StartupSettings from(List<String> args, Map<String, String> env, String userHome) {
        String url = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals(CENTER_URL_OPTION)) {
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException(CENTER_URL_OPTION + " needs a URL, e.g. "
                            + CENTER_URL_OPTION + " http://center.example:7070");
                }
                url = args.get(++i);
            } else if (arg.startsWith(CENTER_URL_OPTION + "=")) {
                url = arg.substring(CENTER_URL_OPTION.length() + 1);
            }
        }
        if (url == null || url.isBlank()) {
            url = env.get(CENTER_URL_VARIABLE);
        }
        Optional<URI> remote = url == null || url.isBlank() ? Optional.empty() : Optional.of(centerUri(url.trim()));
        Path data = defaultDataDir(env, userHome);
        return new StartupSettings(remote, data, CenterTrust.SYSTEM, Optional.of(simulatedCardsBeside(data)));
    }

    /** The simulated-cards folder beside the data folder: {@code ~/.local/share/tessera-simulated-cards} by default. */
    public static Path simulatedCardsBeside(Path dataDir) {
        Path data = dataDir.toAbsolutePath().normalize();
        return data.resolveSibling(data.getFileName() + SIMULATED_CARDS_SUFFIX);
    }

    /** $TESSERA_DATA, else $XDG_DATA_HOME/tessera, else ~/.local/share/tessera. */
    static Path defaultDataDir(Map<String, String> env, String userHome) {
        String data = env.get(DATA_VARIABLE);
        if (data != null && !data.isBlank()) {
            return Path.of(data);
        }
        String xdg = env.get("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "tessera");
        }
        return Path.of(userHome, ".local", "share", "tessera");
    }

    /**
     * The center's address: {@code https://} anywhere, {@code http://} only on this computer (issue 16: passwords,
     * session tokens and chip keys must not cross a network in clear).
     */
    public static URI centerUri(String text) {
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
        if ("http".equals(uri.getScheme()) && !onThisComputer(uri.getHost())) {
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
