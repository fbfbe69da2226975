package dev.tessera.desktop.startup;

import dev.tessera.client.CenterAddress;
import dev.tessera.client.CenterTrust;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the desktop's platform center is: a remote one ({@code --center-url} or
 * {@code TESSERA_CENTER_URL}), or an embedded one keeping its data in {@link #dataDir()}; {@link #trust()} says which
 * certificates an {@code https://} center may show. {@link #simulatedCards()} is the folder that keeps the simulated
 * reader's cards between runs, outside the data folder (docs/decisions/0015); with it, the embedded center's demo
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
     * The center's address: {@code https://} anywhere, {@code http://} only on this computer; see
     * {@link CenterAddress#parse(String)}.
     */
    public static URI centerUri(String text) {
        return CenterAddress.parse(text);
    }
}
