/**
 * The venue seat map: sections of rows of seats, general-admission areas, gates and price
 * categories ({@link dev.tessera.core.seatmap.SeatMap}); its versioned JSON file format
 * ({@link dev.tessera.core.seatmap.SeatMapFormat}, documented in {@code docs/seat-map-format.md});
 * and generated sample venues for demos and tests ({@link dev.tessera.core.seatmap.SampleVenues}).
 */
package dev.tessera.core.seatmap;
