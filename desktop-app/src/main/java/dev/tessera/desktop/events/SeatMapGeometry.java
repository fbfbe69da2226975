package dev.tessera.desktop.events;

import dev.tessera.core.seatmap.GeneralAdmissionArea;
import dev.tessera.core.seatmap.Point;
import dev.tessera.core.seatmap.Row;
import dev.tessera.core.seatmap.Seat;
import dev.tessera.core.seatmap.SeatMap;
import dev.tessera.core.seatmap.Section;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Plan centimetres to canvas pixels: the whole map (seats, areas, the stage) scaled to fit the
 * canvas, centred, the same scale on both axes; and a seat disc size that leaves gaps between seats.
 */
record SeatMapGeometry(double scale, double offsetX, double offsetY, double seatRadius, double pitch) {
    static final double DEFAULT_PITCH_CM = 50;
    private static final int PITCH_SAMPLES = 2_000;

    static SeatMapGeometry fit(SeatMap map, double width, double height, double padding) {
        double pitch = seatPitch(map);
        double minX = map.focalPoint().x();
        double maxX = minX;
        double minY = map.focalPoint().y();
        double maxY = minY;
        for (Seat s : map.seats()) {
            minX = Math.min(minX, s.x());
            maxX = Math.max(maxX, s.x());
            minY = Math.min(minY, s.y());
            maxY = Math.max(maxY, s.y());
        }
        for (GeneralAdmissionArea a : map.areas()) {
            for (Point p : a.outline()) {
                minX = Math.min(minX, p.x());
                maxX = Math.max(maxX, p.x());
                minY = Math.min(minY, p.y());
                maxY = Math.max(maxY, p.y());
            }
        }
        // room for the stage marker drawn around the focal point, and half a seat at each edge
        minX -= pitch;
        maxX += pitch;
        minY -= 2 * pitch;
        maxY += pitch;
        double usableW = Math.max(1, width - 2 * padding);
        double usableH = Math.max(1, height - 2 * padding);
        double scale = Math.min(usableW / (maxX - minX), usableH / (maxY - minY));
        double offsetX = padding + (usableW - (maxX - minX) * scale) / 2 - minX * scale;
        double offsetY = padding + (usableH - (maxY - minY) * scale) / 2 - minY * scale;
        double radius = Math.max(1.0, Math.min(pitch * scale * 0.36, 9));
        return new SeatMapGeometry(scale, offsetX, offsetY, radius, pitch);
    }

    double x(double planX) {
        return offsetX + planX * scale;
    }

    double y(double planY) {
        return offsetY + planY * scale;
    }

    /** The usual distance between neighbours in a row: the median over a sample of rows. */
    static double seatPitch(SeatMap map) {
        List<Double> gaps = new ArrayList<>();
        outer:
        for (Section section : map.sections()) {
            for (Row row : section.rows()) {
                List<Seat> seats = row.seats();
                for (int i = 1; i < seats.size(); i++) {
                    double d = Math.hypot(seats.get(i).x() - seats.get(i - 1).x(), seats.get(i).y() - seats.get(i - 1).y());
                    if (d > 0) {
                        gaps.add(d);
                    }
                    if (gaps.size() >= PITCH_SAMPLES) {
                        break outer;
                    }
                }
            }
        }
        if (gaps.isEmpty()) {
            return DEFAULT_PITCH_CM;
        }
        Collections.sort(gaps);
        return gaps.get(gaps.size() / 2);
    }
}
