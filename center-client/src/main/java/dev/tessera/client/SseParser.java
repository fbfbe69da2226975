package dev.tessera.client;

import java.util.function.BiConsumer;

/**
 * Server-Sent Events, line by line (WHATWG HTML, "event stream interpretation"): fields {@code event}
 * and {@code data}, comments, and a blank line that dispatches the event.
 */
final class SseParser {
    private final BiConsumer<String, String> dispatch;
    private final StringBuilder data = new StringBuilder();
    private String eventName = "";

    /** @param dispatch receives (event name, data) for each complete event */
    SseParser(BiConsumer<String, String> dispatch) {
        this.dispatch = dispatch;
    }

    void line(String line) {
        if (line.isEmpty()) {
            dispatchEvent();
            return;
        }
        if (line.startsWith(":")) {
            return;
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        switch (field) {
            case "event" -> eventName = value;
            case "data" -> data.append(value).append('\n');
            default -> {
                // id and retry do not matter here: a reconnect re-reads the whole snapshot
            }
        }
    }

    private void dispatchEvent() {
        if (data.isEmpty()) {
            eventName = "";
            return;
        }
        String payload = data.substring(0, data.length() - 1);
        String name = eventName.isEmpty() ? "message" : eventName;
        data.setLength(0);
        eventName = "";
        dispatch.accept(name, payload);
    }
}
