package dev.tessera.reports.occupancy;

/** Seats of one category in one section of an event, by status, and how many were used at the gate. */
public record OccupancyRow(String section, String category, int seats, int sold, int held, int blocked, int free,
                           int usedAtGate) {
    public double soldShare() {
        return seats == 0 ? 0 : (double) sold / seats;
    }
}
