package dev.tessera.desktop.support;

import dev.tessera.desktop.center.CenterApiTypes.EventInfo;
import dev.tessera.desktop.center.CenterClient;
import dev.tessera.desktop.center.CenterSession;
import dev.tessera.desktop.startup.CenterConnection;
import dev.tessera.desktop.startup.CenterStarter;
import dev.tessera.desktop.startup.StartupSettings;
import java.net.URI;
import java.nio.file.Path;

/** A real embedded center on an H2 file, started the way the desktop starts it, with the demo data. */
public final class TestCenter implements AutoCloseable {
    public static final String CLERK = "clerk";
    public static final String CLERK_PASSWORD = "clerk-demo";
    public static final String DEMO_EVENT = "The Tempest";

    private final CenterConnection connection;
    private final CenterClient client;

    private TestCenter(CenterConnection connection) {
        this.connection = connection;
        this.client = new CenterClient(connection.baseUri());
    }

    public static TestCenter start(Path dataDir) {
        return new TestCenter(CenterStarter.connect(StartupSettings.embedded(dataDir), step -> {}));
    }

    public URI baseUri() {
        return connection.baseUri();
    }

    public CenterConnection connection() {
        return connection;
    }

    /** A client of its own, as another terminal would have. */
    public CenterClient client() {
        return client;
    }

    public CenterSession signIn(String loginId, String password) {
        return client.signIn(loginId, password);
    }

    public CenterSession clerk() {
        return signIn(CLERK, CLERK_PASSWORD);
    }

    public EventInfo demoEvent(CenterSession session) {
        return session.events().stream().filter(e -> e.name().equals(DEMO_EVENT)).findFirst().orElseThrow();
    }

    @Override
    public void close() {
        client.close();
        connection.close();
    }
}
