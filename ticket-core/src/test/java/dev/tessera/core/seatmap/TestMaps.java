package dev.tessera.core.seatmap;

import java.util.EnumSet;
import java.util.List;

/** A small map that uses every part of the format, and its file as the writer lays it out. */
final class TestMaps {
    static final String SMALL_JSON = """
            {
              "format": "tessera-seatmap",
              "formatVersion": 1,
              "name": "Test Hall",
              "focalPoint": {"x": 0, "y": 0},
              "categories": [
                {"id": "stalls", "name": "Stalls", "color": "#2E86C1"},
                {"id": "balcony", "name": "Balcony", "color": "#27AE60"}
              ],
              "sections": [
                {
                  "id": "ST",
                  "name": "Stalls",
                  "rows": [
                    {
                      "id": "ST-A",
                      "label": "A",
                      "seats": [
                        {"id": "ST-A-1", "label": "1", "x": -26, "y": 400.5, "category": "stalls", "flags": ["WHEELCHAIR"]},
                        {"id": "ST-A-2", "label": "2", "x": 26, "y": 400.5, "category": "stalls"}
                      ]
                    }
                  ]
                }
              ],
              "areas": [
                {
                  "id": "FLOOR",
                  "name": "Floor",
                  "category": "balcony",
                  "capacity": 100,
                  "outline": [{"x": 0, "y": 0}, {"x": 100, "y": 0}, {"x": 0, "y": 100}]
                }
              ],
              "gates": [
                {"id": "north", "name": "North", "x": 0, "y": -500}
              ]
            }
            """;

    private TestMaps() {}

    static SeatMap small() {
        Category stalls = new Category("stalls", "Stalls", "#2E86C1");
        Category balcony = new Category("balcony", "Balcony", "#27AE60");
        Row rowA = new Row("ST-A", "A", List.of(
                new Seat("ST-A-1", "1", -26, 400.5, "stalls", EnumSet.of(SeatFlag.WHEELCHAIR)),
                new Seat("ST-A-2", "2", 26, 400.5, "stalls")));
        GeneralAdmissionArea floor = new GeneralAdmissionArea("FLOOR", "Floor", "balcony", 100,
                List.of(new Point(0, 0), new Point(100, 0), new Point(0, 100)));
        return new SeatMap(1, "Test Hall", new Point(0, 0), List.of(stalls, balcony),
                List.of(new Section("ST", "Stalls", List.of(rowA))), List.of(floor),
                List.of(new Gate("north", "North", new Point(0, -500))));
    }

    static Seat seat(String id, String category) {
        return new Seat(id, "1", 0, 0, category);
    }

    static Section section(String id, Seat... seats) {
        return new Section(id, "Section " + id, List.of(new Row(id + "-A", "A", List.of(seats))));
    }

    static SeatMap map(List<Category> categories, Section... sections) {
        return new SeatMap(1, "Map", new Point(0, 0), categories, List.of(sections), List.of(), List.of());
    }
}
