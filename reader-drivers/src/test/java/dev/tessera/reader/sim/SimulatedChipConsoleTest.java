package dev.tessera.reader.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A new chip prints nothing: jCardSim's "getInstance of assymetric algo" lines stay off the console. */
class SimulatedChipConsoleTest {
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private PrintStream realStdout;

    @BeforeEach
    void captureStdout() {
        realStdout = System.out;
        System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStdout() {
        System.setOut(realStdout);
    }

    @Test
    void makingAChipPrintsNothing() {
        new SimulatedChip();

        assertThat(console.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void otherThreadsStillPrintWhileOneThreadIsQuiet() throws Exception {
        StdoutOfThisThread.discardWhile(() -> {
            System.out.println("from the quiet thread");
            Thread other = Thread.ofPlatform().start(() -> System.out.println("from another thread"));
            try {
                other.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        System.out.println("after");

        assertThat(console.toString(StandardCharsets.UTF_8).lines()).containsExactly("from another thread", "after");
    }
}
