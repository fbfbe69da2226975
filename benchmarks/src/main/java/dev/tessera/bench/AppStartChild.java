package dev.tessera.bench;

import dev.tessera.desktop.TesseraApp;
import dev.tessera.desktop.countertab.CounterView;
import dev.tessera.desktop.events.SeatAvailabilityViewModel;
import dev.tessera.desktop.startup.StartupSettings;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The desktop app in a JVM of its own (Monocle headless), for {@link AppStartBenchmark}: starts it on
 * the embedded defaults, signs in as the demo clerk the moment the sign-in screen is up, opens the
 * counter and prints {@code STARTUP signin=<ms> counter=<ms>}, both counted from the JVM's start,
 * once the counter's seat map shows the event with its seat states.
 */
public final class AppStartChild {
    private AppStartChild() {}

    public static void main(String[] args) throws Exception {
        long jvmStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        Path data = Path.of(args[0]);
        CompletableFuture<TesseraApp> started = new CompletableFuture<>();
        Platform.startup(() -> {
            TesseraApp app = new TesseraApp(StartupSettings.embedded(data), Locale.ENGLISH);
            app.start(new Stage());
            started.complete(app);
        });
        TesseraApp app = started.get(60, TimeUnit.SECONDS);
        await("the sign-in screen", () -> app.shell().signIn().isPresent() && app.shell().mainView().isEmpty());
        long signIn = System.currentTimeMillis() - jvmStart;
        onFx(() -> {
            var form = app.shell().signIn().orElseThrow();
            form.loginIdProperty().set("clerk");
            form.passwordProperty().set("clerk-demo");
            form.signIn();
            return null;
        });
        await("the counter", () -> app.shell().mainView().flatMap(v -> v.counter()).isPresent());
        onFx(() -> {
            app.shell().mainView().orElseThrow().showCounter();
            return null;
        });
        await("the counter's seat map", () -> {
            Optional<CounterView> counter = app.shell().mainView().flatMap(v -> v.counter());
            SeatAvailabilityViewModel seats = app.shell().main().orElseThrow().counterProperty().get().sale().seats();
            return counter.orElseThrow().seatMap().isVisible() && counter.get().seatMap().getScene() != null
                    && seats.seatMapProperty().get() != null && !seats.loadingProperty().get()
                    && !seats.seatsByStatus().isEmpty() && counter.get().seatMap().getBoard() != null;
        });
        long counter = System.currentTimeMillis() - jvmStart;
        System.out.println("STARTUP signin=" + signIn + " counter=" + counter);
        System.out.flush();
        onFx(() -> {
            app.stop();
            return null;
        });
        Runtime.getRuntime().halt(0);
    }

    private static void await(String what, Supplier<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!onFx(condition::get)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not within 120 s: " + what);
            }
            Thread.sleep(5);
        }
    }

    private static <T> T onFx(Supplier<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(60, TimeUnit.SECONDS);
    }
}
