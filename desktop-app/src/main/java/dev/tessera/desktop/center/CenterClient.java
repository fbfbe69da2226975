package dev.tessera.desktop.center;

import dev.tessera.client.CenterHttp;
import dev.tessera.client.CenterProblemException;
import dev.tessera.client.CenterTrust;
import dev.tessera.client.ConnectionListener;
import dev.tessera.contract.account.Login;
import dev.tessera.contract.account.SignedIn;
import dev.tessera.contract.health.Health;
import java.net.URI;

/**
 * The desktop's only way to the platform center, embedded or remote alike: its HTTP API. Thread
 * safe; every call blocks, so call it from a background task.
 */
public final class CenterClient implements AutoCloseable {
    private final CenterHttp http;

    public CenterClient(URI baseUri, ConnectionListener listener) {
        this(baseUri, listener, CenterTrust.SYSTEM);
    }

    /** A client that accepts the center's TLS certificate as {@code trust} says (docs/operations.md "TLS"). */
    public CenterClient(URI baseUri, ConnectionListener listener, CenterTrust trust) {
        this.http = new CenterHttp(baseUri, listener, trust);
    }

    public CenterClient(URI baseUri) {
        this(baseUri, ConnectionListener.NONE);
    }

    public URI baseUri() {
        return http.base();
    }

    /** Succeeds when the center answers its health check. */
    public void checkHealth() {
        http.get("/health", null, CenterHttp.type(Health.class));
    }

    /** Signs in; a wrong password is a {@link CenterProblemException} with status 401, a locked account 429. */
    public CenterSession signIn(String loginId, String password) {
        SignedIn session = http.post("/api/sessions", null, new Login(loginId, password),
                CenterHttp.type(SignedIn.class));
        return new CenterSession(http, session);
    }

    /** The same signed-in session, carried over this client (another address or connection). */
    public CenterSession resume(CenterSession session) {
        return new CenterSession(http, session.session());
    }

    @Override
    public void close() {
        http.close();
    }
}
