package dev.tessera.contract.shift;

import java.util.List;

public record OpenShift(String terminalId, String currency, List<Count> floatCount) {}
