package dev.tessera.desktop.support;

import dev.tessera.center.CenterConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;

/**
 * Run in a second JVM: keeps the embedded center's H2 file open (or, named second, the terminal's {@code ledger}), like
 * another running Tessera, until stdin closes.
 */
public final class HoldDatabaseOpen {
    private HoldDatabaseOpen() {}

    public static void main(String[] args) throws Exception {
        String url = args.length > 1 && args[1].equals("ledger")
                ? "jdbc:h2:file:" + Path.of(args[0]).resolve("ledger").toAbsolutePath()
                : CenterConfig.h2FileUrl(Path.of(args[0]).resolve("center"));
        try (Connection c = DriverManager.getConnection(url, "tessera", "")) {
            // nothing is written: after this process the center must still find an empty database
            c.isValid(1);
            System.out.println("open");
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the parent to close our stdin
            }
        }
    }
}
