package dev.tessera.center.db;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;

/**
 * H2 reports a session it has closed (90098 closed, 90121 closed connection, 90135 exclusive mode) with SQL states of
 * its own, which the pool does not take for a dead connection; without this it would lend the dead one again.
 */
final class ClosedConnectionEviction implements SQLExceptionOverride {
    @java.lang.Override
    public SQLExceptionOverride.Override adjudicate(SQLException e) {
        return e instanceof SQLNonTransientConnectionException ? SQLExceptionOverride.Override.MUST_EVICT
                : SQLExceptionOverride.Override.CONTINUE_EVICT;
    }
}
