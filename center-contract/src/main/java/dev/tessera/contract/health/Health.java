package dev.tessera.contract.health;

import com.fasterxml.jackson.annotation.JsonProperty;

/** GET /health. */
public record Health(State status, String database) {
    public enum State {
        @JsonProperty("up") UP,
        @JsonProperty("down") DOWN
    }
}
