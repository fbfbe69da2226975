package dev.tessera.desktop.startup;

import dev.tessera.center.PlatformCenter;
import dev.tessera.center.demo.DemoData;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The platform center this desktop talks to: its address, the in-process center when embedded
 * (closed with this connection), and the demo accounts to offer on the sign-in screen.
 */
public final class CenterConnection implements AutoCloseable {
    public record DemoAccount(String loginId, String password, String role, String displayName) {}

    private final URI baseUri;
    private final PlatformCenter embedded;
    private final List<DemoAccount> demoAccounts;

    private CenterConnection(URI baseUri, PlatformCenter embedded, List<DemoAccount> demoAccounts) {
        this.baseUri = baseUri;
        this.embedded = embedded;
        this.demoAccounts = List.copyOf(demoAccounts);
    }

    static CenterConnection embedded(PlatformCenter center) {
        List<DemoAccount> demo = DemoData.ACCOUNTS.stream()
                .map(a -> new DemoAccount(a.loginId(), a.password(), a.role().name(), a.displayName())).toList();
        return new CenterConnection(center.baseUri(), center, demo);
    }

    static CenterConnection remote(URI baseUri) {
        return new CenterConnection(baseUri, null, List.of());
    }

    public URI baseUri() {
        return baseUri;
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    /** The embedded center, for tests that need to stop or inspect it. */
    public Optional<PlatformCenter> embeddedCenter() {
        return Optional.ofNullable(embedded);
    }

    public List<DemoAccount> demoAccounts() {
        return demoAccounts;
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
