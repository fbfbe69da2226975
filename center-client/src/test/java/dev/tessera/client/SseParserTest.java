package dev.tessera.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseParserTest {
    private final List<String> events = new ArrayList<>();
    private final SseParser parser = new SseParser((name, data) -> events.add(name + "|" + data));

    private void feed(String... lines) {
        for (String line : lines) {
            parser.line(line);
        }
    }

    @Test
    void dispatchesANamedEventAtTheBlankLine() {
        feed("event: seats", "data: {\"eventId\":1}");
        assertThat(events).isEmpty();
        feed("");
        assertThat(events).containsExactly("seats|{\"eventId\":1}");
    }

    @Test
    void ignoresCommentsIdsAndEmptyEvents() {
        feed(": watching event 1", "", "id: 7", "retry: 1000", "", "data:x", "");
        assertThat(events).containsExactly("message|x");
    }

    @Test
    void joinsDataLinesWithNewlinesAndForgetsTheNameAfterDispatch() {
        feed("event: seats", "data: a", "data: b", "", "data: c", "");
        assertThat(events).containsExactly("seats|a\nb", "message|c");
    }
}
