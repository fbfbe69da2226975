package dev.tessera.bench;

import dev.tessera.core.seatmap.SeatMap;
import dev.tessera.core.seatmap.SeatMapFormat;
import dev.tessera.designer.app.SampleVenueFiles;
import dev.tessera.designer.availability.AvailabilityView;
import dev.tessera.designer.availability.AvailabilityViewSkin;
import dev.tessera.designer.availability.SeatStatus;
import dev.tessera.desktop.events.LiveSeatMap;
import dev.tessera.desktop.ui.Localization;
import dev.tessera.designer.editor.SeatDesigner;
import dev.tessera.designer.editor.SeatDesignerSkin;
import dev.tessera.designer.geometry.IntList;
import dev.tessera.designer.io.DocumentFiles;
import dev.tessera.designer.model.SeatDocument;
import dev.tessera.designer.render.PlanSurface;
import dev.tessera.designer.render.PlanViewport;
import dev.tessera.designer.render.SeatLayer;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Issue 4's figures for the 100,000-seat stadium, on JavaFX's software pipeline under Monocle
 * headless (set here, before the toolkit starts): open the file and show it; a full redraw while
 * panning and zooming; select-all, nudge and undo on every seat (issue 17); 1,000 seat-status
 * changes and the repaint; hit-testing a click and a lasso.
 * Each repeated figure is the median (and the 95th percentile) after a warm-up.
 */
public final class DesignerBenchmark {
    private static final int WIDTH = 1440;
    private static final int HEIGHT = 900;

    private DesignerBenchmark() {}

    public static List<String> run() throws Exception {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("prism.text", "t2k");
        System.setProperty("java.awt.headless", "true");
        System.setProperty("headless.geometry", WIDTH + "x" + HEIGHT + "-32");
        // pulses as fast as frames can be made, so that frames per second measure the frame time
        System.setProperty("javafx.animation.fullspeed", "true");
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        Platform.setImplicitExit(false);

        Path dir = BenchTemp.dir("tessera-bench-designer");
        Path file = dir.resolve("stadium" + SeatMapFormat.FILE_EXTENSION);
        try (InputStream in = DesignerBenchmark.class.getResourceAsStream(
                SampleVenueFiles.RESOURCE_FOLDER + "stadium" + SeatMapFormat.FILE_EXTENSION)) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> lines = new ArrayList<>();
        // the first open warms up the JIT and the toolkit; the second one is the figure
        openAndShow(file);
        OpenFigure open = openAndShow(file);
        lines.add(String.format(Locale.ROOT, "| designer: open the %,d-seat stadium file (%.1f MB) and show it (< 1 s) | %d ms (read %d ms, first frame %d ms later) |",
                open.seats, Files.size(file) / 1e6, open.totalMillis, open.readMillis, open.totalMillis - open.readMillis));
        lines.addAll(panAndZoom(open));
        List<String> hits = hitTests(open);
        lines.add(editing(open));
        fx(() -> {
            open.stage.close();
            return null;
        });
        lines.addAll(statusChanges(file));
        lines.addAll(hits);
        Platform.exit();
        return lines;
    }

    private record OpenFigure(Stage stage, SeatDesigner designer, PlanSurface surface, int seats, long readMillis,
                              long totalMillis) {}

    private static OpenFigure openAndShow(Path file) throws Exception {
        Stage stage = fx(() -> {
            Stage s = new Stage();
            SeatDesigner designer = new SeatDesigner();
            s.setScene(new Scene(designer, WIDTH, HEIGHT));
            s.show();
            return s;
        });
        waitPulses(3);
        long start = System.nanoTime();
        SeatDocument document = DocumentFiles.open(file);
        long read = System.nanoTime();
        CountDownLatch shown = new CountDownLatch(1);
        fx(() -> {
            SeatDesigner designer = (SeatDesigner) stage.getScene().getRoot();
            designer.setDocument(document, file);
            // a frame has been rendered once the second pulse after this one starts
            AtomicInteger pulses = new AtomicInteger();
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    if (pulses.incrementAndGet() == 2) {
                        stop();
                        shown.countDown();
                    }
                }
            }.start();
            return null;
        });
        shown.await(30, TimeUnit.SECONDS);
        long end = System.nanoTime();
        SeatDesigner designer = (SeatDesigner) stage.getScene().getRoot();
        PlanSurface surface = ((SeatDesignerSkin) designer.getSkin()).surface();
        int drawn = fx(surface::lastDrawnSeats);
        if (drawn != document.seatCount()) {
            throw new IllegalStateException("the first frame drew " + drawn + " of " + document.seatCount() + " seats");
        }
        return new OpenFigure(stage, designer, surface, document.seatCount(), (read - start) / 1_000_000,
                (end - start) / 1_000_000);
    }

    /** Full redraws (every seat in view restamped and handed to JavaFX) along a pan and zoom path. */
    private static List<String> panAndZoom(OpenFigure open) throws Exception {
        PlanSurface surface = open.surface;
        List<String> lines = new ArrayList<>();
        double[] zooms = {1, 2, 4, 8, 16};
        long[] all = new long[0];
        StringBuilder perZoom = new StringBuilder();
        for (double zoom : zooms) {
            long[] times = fx(() -> {
                PlanViewport v = surface.viewport();
                double[] b = surface.layer().bounds();
                v.fit(b[0], b[1], b[2], b[3], surface.getWidth(), surface.getHeight(), 24);
                // zoom in on a stand (the middle of a stadium is an empty field)
                SeatLayer layer = surface.layer();
                int seat = layer.count() / 3;
                v.zoomAt(zoom, v.toScreenX(layer.x(seat)), v.toScreenY(layer.y(seat)));
                v.pan(surface.getWidth() / 2 - v.toScreenX(layer.x(seat)), surface.getHeight() / 2 - v.toScreenY(layer.y(seat)));
                int frames = 240;
                surface.requestFullRedraw();
                surface.flush();
                long[] t = new long[frames];
                for (int i = 0; i < frames; i++) {
                    // pan in a circle and breathe the zoom by +-3 %, as a user dragging and wheeling does
                    double angle = i * 2 * Math.PI / 60;
                    v.pan(Math.cos(angle) * 12, Math.sin(angle) * 12);
                    v.zoomAt(1 + 0.03 * Math.sin(angle), surface.getWidth() / 2, surface.getHeight() / 2);
                    surface.requestFullRedraw();
                    surface.flush();
                    t[i] = surface.lastRenderNanos();
                }
                return Arrays.copyOfRange(t, 40, frames);
            });
            all = concat(all, times);
            perZoom.append(String.format(Locale.ROOT, "%s%.0fx %.2f", perZoom.isEmpty() ? "" : ", ", zoom, median(times) / 1e6));
        }
        lines.add(String.format(Locale.ROOT,
                "| designer: full redraw while panning and zooming, stadium, %.0fx%.0f plan in a %dx%d window (< 8 ms a frame; every seat in view restamped and handed to JavaFX) | median %.2f ms, p95 %.2f ms, max %.2f ms (median by zoom: %s ms) |",
                fx(surface::getWidth), fx(surface::getHeight), WIDTH, HEIGHT, median(all) / 1e6, percentile(all, 95) / 1e6, Arrays.stream(all).max().orElse(0) / 1e6, perZoom));
        // whole frames as the user sees them: a pulse pans the view, the seats are restamped, and
        // Prism's software pipeline composes the window (seat image, overlay, rulers, minimap)
        double framed = composedFrames(surface, 300);
        lines.add(String.format(Locale.ROOT,
                "| designer: whole editor frames while panning, composed by Prism's software pipeline (%d pulses back to back) | %.1f ms a frame (%.0f frames/s) |",
                300, framed, 1000 / framed));
        return lines;
    }

    /** Runs pulses back to back (full speed), each panning the view; returns the mean ms per frame. */
    private static double composedFrames(PlanSurface surface, int frames) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        AtomicLong elapsed = new AtomicLong();
        fx(() -> {
            new AnimationTimer() {
                private int frame;
                private long start;

                @Override
                public void handle(long now) {
                    if (frame == 20) {
                        start = System.nanoTime();
                    }
                    double angle = frame * 2 * Math.PI / 60;
                    surface.viewport().pan(Math.cos(angle) * 12, Math.sin(angle) * 12);
                    surface.requestFullRedraw();
                    if (++frame == frames + 20) {
                        elapsed.set(System.nanoTime() - start);
                        stop();
                        done.countDown();
                    }
                }
            }.start();
            return null;
        });
        done.await(120, TimeUnit.SECONDS);
        return elapsed.get() / 1e6 / frames;
    }

    /** 1,000 random seats change status; the changed regions are repainted and handed to JavaFX. */
    private static List<String> statusChanges(Path file) throws Exception {
        SeatMap map = SeatMapFormat.read(file);
        Stage stage = fx(() -> {
            Stage s = new Stage();
            // the very view the counter and the Events workspace show (desktop LiveSeatMap.view), not a designer-only one
            AvailabilityView view = LiveSeatMap.view(new Localization(Locale.ENGLISH));
            view.setSeatMap(map);
            // animation off: the figure is applying the changes and repainting them at their final colour
            view.setAnimated(false);
            s.setScene(new Scene(view, WIDTH, HEIGHT));
            s.show();
            return s;
        });
        waitPulses(3);
        AvailabilityView view = (AvailabilityView) stage.getScene().getRoot();
        AvailabilityViewSkin skin = (AvailabilityViewSkin) view.getSkin();
        System.out.println("designer: status changes measured on " + view.getClass().getName()
                + " as dev.tessera.desktop.events.LiveSeatMap.view builds it for the counter and Events (side panel "
                + (view.sidePanelVisibleProperty().get() ? "shown" : "hidden") + ")");
        PlanSurface surface = skin.surface();
        Random random = new Random(4);
        SeatStatus[] statuses = {SeatStatus.HELD, SeatStatus.SOLD, SeatStatus.ALLOCATED, SeatStatus.USED, SeatStatus.FREE};
        List<Map<String, SeatStatus>> batches = new ArrayList<>();
        for (int b = 0; b < 80; b++) {
            Map<String, SeatStatus> changes = new HashMap<>();
            while (changes.size() < 1000) {
                changes.put(map.seats().get(random.nextInt(map.seatCount())).id(), statuses[random.nextInt(statuses.length)]);
            }
            batches.add(changes);
        }
        long[] applyTimes = new long[batches.size() - 20];
        long[] times = fx(() -> {
            surface.flush();
            long[] t = new long[batches.size()];
            for (int b = 0; b < batches.size(); b++) {
                long start = System.nanoTime();
                view.applyChanges(batches.get(b));
                long applied = System.nanoTime();
                surface.flush();
                t[b] = System.nanoTime() - start;
                if (b >= 20) {
                    applyTimes[b - 20] = applied - start;
                }
            }
            return Arrays.copyOfRange(t, 20, t.length);
        });
        double framed = composedFrames(surface, 300);
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT,
                "| designer: whole availability-view frames while panning (the counter's map), composed by Prism's software pipeline | %.1f ms a frame (%.0f frames/s) |",
                framed, 1000 / framed));
        lines.add(String.format(Locale.ROOT,
                "| designer: apply 1,000 seat-status changes and repaint them, stadium fitted (< 4 ms; the counter's map: AvailabilityView as desktop LiveSeatMap builds it) | median %.2f ms, p95 %.2f ms (applying: median %.2f ms) |",
                median(times) / 1e6, percentile(times, 95) / 1e6, median(applyTimes) / 1e6));
        // zoomed in, seats are discs and their neighbourhoods are redrawn
        long[] zoomed = fx(() -> {
            skin.navigator().zoom(4);
            surface.flush();
            long[] t = new long[batches.size()];
            for (int b = 0; b < batches.size(); b++) {
                long start = System.nanoTime();
                view.applyChanges(batches.get(b));
                surface.flush();
                t[b] = System.nanoTime() - start;
            }
            return Arrays.copyOfRange(t, 20, t.length);
        });
        lines.add(String.format(Locale.ROOT,
                "| designer: the same at 4x zoom (discs; changed regions redrawn) | median %.2f ms, p95 %.2f ms |",
                median(zoomed) / 1e6, percentile(zoomed, 95) / 1e6));
        fx(() -> {
            stage.close();
            return null;
        });
        return lines;
    }

    /**
     * Issue 17: Ctrl+A, an arrow key and Ctrl+Z on the whole stadium, each timed from the call the key makes
     * ({@code EditorActions.selectAll}, {@code nudge}, {@code JobManager.undo}) until JavaFX has rendered the frame that
     * shows it (the second pulse after the call), so the panels' listeners, their layout and the plan's repaint count.
     */
    private static String editing(OpenFigure open) throws Exception {
        SeatDesigner designer = open.designer;
        int rounds = 12;
        int warm = 3;
        long[] select = new long[rounds];
        long[] nudge = new long[rounds];
        long[] undo = new long[rounds];
        int[] selected = new int[1];
        for (int i = 0; i < rounds; i++) {
            select[i] = timedFrame(() -> designer.getActions().selectAll());
            selected[0] = fx(() -> designer.getSelection().size());
            nudge[i] = timedFrame(() -> designer.getActions().nudge(10, 0));
            undo[i] = timedFrame(() -> designer.getJobManager().undo());
            fx(() -> {
                designer.getSelection().clear();
                return null;
            });
            waitPulses(2);
        }
        long[] s = Arrays.copyOfRange(select, warm, rounds);
        long[] n = Arrays.copyOfRange(nudge, warm, rounds);
        long[] u = Arrays.copyOfRange(undo, warm, rounds);
        return String.format(Locale.ROOT,
                "| designer: select all (Ctrl+A), nudge (arrow key) and undo (Ctrl+Z) on the stadium's %,d elements, each until its frame is rendered (< 200 ms each) | select all median %d ms (max %d), nudge median %d ms (max %d), undo median %d ms (max %d) |",
                selected[0], median(s) / 1_000_000, Arrays.stream(s).max().orElse(0) / 1_000_000,
                median(n) / 1_000_000, Arrays.stream(n).max().orElse(0) / 1_000_000,
                median(u) / 1_000_000, Arrays.stream(u).max().orElse(0) / 1_000_000);
    }

    /** Nanoseconds from running {@code action} on the FX thread until the second pulse after it has started. */
    private static long timedFrame(Runnable action) throws Exception {
        CountDownLatch shown = new CountDownLatch(1);
        AtomicLong start = new AtomicLong();
        AtomicLong end = new AtomicLong();
        Platform.runLater(() -> {
            start.set(System.nanoTime());
            action.run();
            AtomicInteger pulses = new AtomicInteger();
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    if (pulses.incrementAndGet() == 2) {
                        end.set(System.nanoTime());
                        stop();
                        shown.countDown();
                    }
                }
            }.start();
        });
        if (!shown.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("no frame within 60 s");
        }
        return end.get() - start.get();
    }

    private static List<String> hitTests(OpenFigure open) throws Exception {
        SeatLayer layer = open.surface.layer();
        Random random = new Random(7);
        double[] b = layer.bounds();
        int clicks = 20_000;
        long[] clickTimes = new long[clicks];
        int hits = 0;
        for (int i = 0; i < clicks; i++) {
            int seat = random.nextInt(layer.count());
            double x = layer.x(seat) + random.nextGaussian() * 10;
            double y = layer.y(seat) + random.nextGaussian() * 10;
            long start = System.nanoTime();
            int found = layer.seatAt(x, y);
            clickTimes[i] = System.nanoTime() - start;
            if (found >= 0) {
                hits++;
            }
        }
        long[] click = Arrays.copyOfRange(clickTimes, 5000, clicks);
        int lassos = 400;
        long[] lassoTimes = new long[lassos];
        long selected = 0;
        for (int i = 0; i < lassos; i++) {
            // a lasso of 24 points around a random spot, 5-25 m across (tens to thousands of seats)
            double cx = b[0] + random.nextDouble() * (b[2] - b[0]);
            double cy = b[1] + random.nextDouble() * (b[3] - b[1]);
            double r = 250 + random.nextDouble() * 1000;
            double[] polygon = new double[48];
            for (int k = 0; k < 24; k++) {
                double a = k * 2 * Math.PI / 24;
                double wobble = 1 + 0.2 * Math.sin(3 * a);
                polygon[2 * k] = cx + Math.cos(a) * r * wobble;
                polygon[2 * k + 1] = cy + Math.sin(a) * r * wobble;
            }
            IntList out = new IntList();
            long start = System.nanoTime();
            layer.grid().queryPolygon(polygon, out);
            lassoTimes[i] = System.nanoTime() - start;
            selected += out.size();
        }
        long[] lasso = Arrays.copyOfRange(lassoTimes, 100, lassos);
        return List.of(
                String.format(Locale.ROOT, "| designer: hit-test a click, stadium (< 1 ms) | median %.1f µs, p95 %.1f µs, max %.1f µs (%,d of %,d clicks hit a seat) |",
                        median(click) / 1e3, percentile(click, 95) / 1e3, Arrays.stream(click).max().orElse(0) / 1e3, hits, clicks),
                String.format(Locale.ROOT, "| designer: hit-test a lasso of 24 points, stadium (< 1 ms) | median %.1f µs, p95 %.1f µs, max %.1f µs (%,d seats per lasso on average) |",
                        median(lasso) / 1e3, percentile(lasso, 95) / 1e3, Arrays.stream(lasso).max().orElse(0) / 1e3, selected / lassos));
    }

    private static void waitPulses(int count) throws InterruptedException {
        CountDownLatch latch = new CountDownLatch(count);
        Platform.runLater(() -> new AnimationTimer() {
            @Override
            public void handle(long now) {
                latch.countDown();
                if (latch.getCount() == 0) {
                    stop();
                }
            }
        }.start());
        latch.await(30, TimeUnit.SECONDS);
    }

    private static <T> T fx(Supplier<T> action) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(action.get());
            } catch (RuntimeException failure) {
                result.completeExceptionally(failure);
            }
        });
        return result.get(120, TimeUnit.SECONDS);
    }

    private static long median(long[] values) {
        return percentile(values, 50);
    }

    private static long percentile(long[] values, int p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static long[] concat(long[] a, long[] b) {
        long[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

}
