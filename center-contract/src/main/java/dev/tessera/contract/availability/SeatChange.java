package dev.tessera.contract.availability;

public record SeatChange(String seatId, String status, long revision) {}
