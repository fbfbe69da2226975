package dev.tessera.client;

/** Told after every exchange with the center whether it answered; called on any thread. */
public interface ConnectionListener {
    ConnectionListener NONE = new ConnectionListener() {
        @Override
        public void reachable() {}

        @Override
        public void unreachable() {}
    };

    void reachable();

    void unreachable();
}
