package dev.tessera.desktop.ui;

import java.util.List;

/**
 * A user-facing sentence not yet put into words: a bundle key and its arguments. View models keep
 * messages, so a language switch re-translates what is already on the screen.
 */
public record Message(String key, List<Object> args) {
    public Message {
        args = List.copyOf(args);
    }

    public static Message of(String key, Object... args) {
        return new Message(key, List.of(args));
    }
}
