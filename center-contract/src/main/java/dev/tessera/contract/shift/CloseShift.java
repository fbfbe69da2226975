package dev.tessera.contract.shift;

import java.util.List;

public record CloseShift(List<Count> counted, String note) {}
