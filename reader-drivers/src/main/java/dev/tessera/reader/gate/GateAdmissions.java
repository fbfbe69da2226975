package dev.tessera.reader.gate;

import java.io.IOException;
import java.util.UUID;

/**
 * Where a gate keeps its admissions: {@link GateLog}'s file, or a terminal's own database. An admission must be
 * durable when {@link #append} returns, because the gate shows green right after.
 */
public interface GateAdmissions {
    boolean admitted(UUID ticketId);

    void append(GateLog.Entry admission) throws IOException;
}
