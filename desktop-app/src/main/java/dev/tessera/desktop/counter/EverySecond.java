package dev.tessera.desktop.counter;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.util.Duration;

/** Calls its work once a second while started: the hold's countdown on screen. */
public interface EverySecond {
    void start();

    void stop();

    /** On the FX thread, by a {@link Timeline}. */
    static EverySecond timeline(Runnable work) {
        Timeline timeline = new Timeline(new KeyFrame(Duration.seconds(1), e -> work.run()));
        timeline.setCycleCount(Timeline.INDEFINITE);
        return new EverySecond() {
            @Override
            public void start() {
                timeline.play();
            }

            @Override
            public void stop() {
                timeline.stop();
            }
        };
    }
}
