package dev.tessera.reader.pcsc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.TerminalFactory;

/**
 * Finds PC/SC readers. On Linux the JDK needs the pcsc-lite library's path (docs/readers.md):
 * {@code -Dsun.security.smartcardio.library=/usr/lib/x86_64-linux-gnu/libpcsclite.so.1}, which {@link #pcsc()}
 * sets when it is unset and the Debian library exists.
 */
public final class Readers {

    public static final String LIBRARY_PROPERTY = "sun.security.smartcardio.library";
    public static final Path DEBIAN_LIBRARY = Path.of("/usr/lib/x86_64-linux-gnu/libpcsclite.so.1");

    private Readers() {
    }

    /**
     * A fresh PC/SC terminal factory. Note that the JDK's provider shares one context with the smart-card service per
     * JVM: after the service restarted, a fresh factory still talks to the old one (docs/readers.md).
     */
    public static TerminalFactory pcsc() throws ReaderUnavailableException {
        if (System.getProperty(LIBRARY_PROPERTY) == null && Files.exists(DEBIAN_LIBRARY)) {
            System.setProperty(LIBRARY_PROPERTY, DEBIAN_LIBRARY.toString());
        }
        try {
            return TerminalFactory.getInstance("PC/SC", null);
        } catch (NoSuchAlgorithmException e) {
            throw new ReaderUnavailableException("PC/SC is not available: is pcscd running and " + LIBRARY_PROPERTY
                    + " pointing at libpcsclite.so.1?", e);
        }
    }

    public static List<CardTerminal> list(TerminalFactory factory) throws ReaderUnavailableException {
        try {
            return factory.terminals().list();
        } catch (CardException e) {
            throw new ReaderUnavailableException("cannot list readers: " + e.getMessage(), e);
        }
    }

    /** The first reader whose name contains {@code nameFragment} (case-insensitive); any reader for "". */
    public static Optional<CardTerminal> find(TerminalFactory factory, String nameFragment) throws ReaderUnavailableException {
        String wanted = nameFragment.toLowerCase(java.util.Locale.ROOT);
        return list(factory).stream().filter(t -> t.getName().toLowerCase(java.util.Locale.ROOT).contains(wanted))
                .findFirst();
    }
}
