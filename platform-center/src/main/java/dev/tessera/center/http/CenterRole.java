package dev.tessera.center.http;

import dev.tessera.core.model.Role;
import io.javalin.security.RouteRole;

/** The roles an endpoint admits; mirrors {@link Role} for Javalin's route metadata. */
public enum CenterRole implements RouteRole {
    ORGANIZER, SELLER, MANAGER, GATE, MEMBER;

    public Role role() {
        return Role.valueOf(name());
    }

    public static CenterRole of(Role role) {
        return valueOf(role.name());
    }
}
