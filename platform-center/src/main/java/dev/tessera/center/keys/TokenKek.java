package dev.tessera.center.keys;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AuthProvider;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.Provider;
import java.security.ProviderException;
import java.security.Security;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.security.auth.login.LoginException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key-encryption key as an AES-256 key inside a PKCS#11 token (an HSM, or SoftHSM2 in the tests), used through
 * Java's SunPKCS11 provider: the key is created sensitive and not extractable, and every seal and open is an AES-GCM
 * operation inside the token; the center never holds the key's bytes. The token is described by a small properties
 * file (docs/operations.md, "Chip keys at rest"):
 *
 * <pre>
 * library = /usr/lib/softhsm/libsofthsm2.so   # the token's PKCS#11 module
 * slot = 201613035                            # the slot id (or slot-index = 0, the position in the slot list)
 * token = tessera-kek                         # the token's label, as messages name it
 * key = tessera-chip-kek                      # the AES key's label (CKA_LABEL); created when the token has none
 * pin-env = TESSERA_KEK_PIN                   # the user PIN from this environment variable, or
 * pin-file = /etc/tessera/kek.pin             # from this file (readable by the center's user only)
 * </pre>
 *
 * The PIN never appears on a command line, in a message or in a log line.
 */
public final class TokenKek {
    private static final Logger LOG = LoggerFactory.getLogger(TokenKek.class);
    private static final HexFormat HEX = HexFormat.of();
    /**
     * One provider per module and slot in a JVM: a provider keeps its sessions open for the process, so a center
     * started again in the same JVM (tests, the desktop's embedded center) reuses it instead of leaking sessions.
     */
    private static final Map<String, Provider> PROVIDERS = new ConcurrentHashMap<>();

    private TokenKek() {}

    /** The token's properties, read and checked; no PIN is read yet. */
    public record Config(Path file, String library, String slot, String slotIndex, String token, String keyLabel,
                         String pinEnv, Path pinFile) {
        /** The token in words for messages: label, slot and module. */
        public String describe() {
            return "token '" + token + "' (" + (slot != null ? "slot " + slot : "slot index " + slotIndex) + " of "
                    + library + ", key '" + keyLabel + "')";
        }

        public static Config read(Path file) {
            Properties p = new Properties();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the PKCS#11 token settings " + file, e);
            }
            String library = need(p, "library", file);
            String slot = trimmed(p.getProperty("slot"));
            String slotIndex = trimmed(p.getProperty("slot-index"));
            if ((slot == null) == (slotIndex == null)) {
                throw new IllegalStateException("the PKCS#11 token settings " + file
                        + " need exactly one of slot and slot-index");
            }
            for (String number : Arrays.asList(slot, slotIndex)) {
                if (number != null && !number.matches("\\d{1,19}")) {
                    throw new IllegalStateException("the PKCS#11 token settings " + file + ": '" + number
                            + "' is not a slot number");
                }
            }
            String pinEnv = trimmed(p.getProperty("pin-env"));
            String pinFile = trimmed(p.getProperty("pin-file"));
            if ((pinEnv == null) == (pinFile == null)) {
                throw new IllegalStateException("the PKCS#11 token settings " + file
                        + " need exactly one of pin-env and pin-file (the PIN itself never goes into this file)");
            }
            if (p.getProperty("pin") != null) {
                throw new IllegalStateException("the PKCS#11 token settings " + file
                        + " hold a 'pin': name an environment variable (pin-env) or a file (pin-file) instead");
            }
            String token = trimmed(p.getProperty("token"));
            return new Config(file, library, slot, slotIndex, token == null ? "(unnamed)" : token,
                    need(p, "key", file), pinEnv, pinFile == null ? null : Path.of(pinFile));
        }

        private static String need(Properties p, String name, Path file) {
            String value = trimmed(p.getProperty(name));
            if (value == null) {
                throw new IllegalStateException("the PKCS#11 token settings " + file + " need '" + name + "'");
            }
            return value;
        }

        private static String trimmed(String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    /**
     * Logs in to the token and finds the key; when {@code create} and the token has no key of that label, generates
     * one inside the token (AES-256, sensitive, not extractable).
     *
     * @param environment where {@code pin-env} is looked up (System::getenv for the standalone center)
     * @throws IllegalStateException with one sentence naming the token: module missing, slot unknown, PIN not set or
     *                               refused, key missing
     */
    public static ChipKek open(Path settings, Function<String, String> environment, boolean create) {
        Config config = Config.read(settings);
        String where = config.describe();
        Provider provider = provider(config, where);
        char[] pin = pin(config, environment, where);
        try {
            KeyStore store = KeyStore.getInstance("PKCS11", provider);
            // a token stays logged in for the whole process once any start logged in; log out first so that every
            // start proves its PIN (a center started again in the same JVM with a wrong PIN must stop too)
            if (provider instanceof AuthProvider auth) {
                try {
                    auth.logout();
                } catch (LoginException notLoggedIn) {
                    // nothing to undo
                }
            }
            try {
                store.load(null, pin);
            } catch (IOException e) {
                throw new IllegalStateException("the " + where + " refused the PIN from "
                        + pinSource(config) + reason(e) + ": check the PIN (docs/operations.md)", e);
            }
            Key key = store.getKey(config.keyLabel(), null);
            if (key == null) {
                if (!create) {
                    throw new IllegalStateException("the " + where + " has no key labelled '" + config.keyLabel()
                            + "' (docs/operations.md)");
                }
                KeyGenerator generator = KeyGenerator.getInstance("AES", provider);
                generator.init(256);
                SecretKey fresh = generator.generateKey();
                store.setEntry(config.keyLabel(), new KeyStore.SecretKeyEntry(fresh), null);
                key = store.getKey(config.keyLabel(), null);
                if (key == null) {
                    throw new IllegalStateException("the " + where + " did not keep the key it generated");
                }
                LOG.info("generated the chip key-encryption key inside the {}", where);
            }
            if (key.getEncoded() != null) {
                // a key the token would hand out is no better than a key file: refuse it rather than pretend
                throw new IllegalStateException("the key '" + config.keyLabel() + "' in the " + where
                        + " is extractable; make one that is sensitive and not extractable (docs/operations.md)");
            }
            Key kek = key;
            String id = checkValue(provider, kek, where);
            LOG.info("chip key-encryption key {} is in the {}", id, where);
            return new ChipKek((mode, spec) -> {
                Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding", provider);
                cipher.init(mode, kek, spec);
                return cipher;
            }, id, where);
        } catch (GeneralSecurityException | ProviderException e) {
            throw new IllegalStateException("the " + where + " cannot give the chip key-encryption key"
                    + reason(e) + " (docs/operations.md)", e);
        } finally {
            Arrays.fill(pin, '\0');
        }
    }

    /** The first 8 bytes of AES-ECB of a zero block, computed in the token: names the key, reveals nothing of it. */
    private static String checkValue(Provider provider, Key key, String where) throws GeneralSecurityException {
        Cipher ecb = Cipher.getInstance("AES/ECB/NoPadding", provider);
        ecb.init(Cipher.ENCRYPT_MODE, key);
        byte[] block = ecb.doFinal(new byte[16]);
        if (block.length != 16) {
            throw new IllegalStateException("the " + where + " gave no check value for its key");
        }
        return HEX.formatHex(Arrays.copyOf(block, 8));
    }

    private static Provider provider(Config config, String where) {
        if (!Files.isRegularFile(Path.of(config.library()))) {
            throw new IllegalStateException("the PKCS#11 module " + config.library() + " of the " + where
                    + " does not exist (SoftHSM2: apt-get install softhsm2)");
        }
        String slotLine = config.slot() != null ? "slot = " + config.slot() : "slotListIndex = " + config.slotIndex();
        String name = "tessera-kek-" + Integer.toHexString((config.library() + "|" + slotLine).hashCode());
        String sunConfig = "--name = " + name + "\n"
                + "library = " + config.library() + "\n"
                + slotLine + "\n"
                // a key this center generates is a session object that the key store copies into the token under
                // its label; either way it is sensitive and never leaves the token
                + "attributes(generate, CKO_SECRET_KEY, CKK_AES) = {\n"
                + "  CKA_TOKEN = false\n  CKA_SENSITIVE = true\n  CKA_EXTRACTABLE = false\n}\n";
        try {
            return PROVIDERS.computeIfAbsent(sunConfig, c -> {
                Provider sun = Security.getProvider("SunPKCS11");
                if (sun == null) {
                    throw new IllegalStateException("this Java has no SunPKCS11 provider (module jdk.crypto.cryptoki)");
                }
                return sun.configure(c);
            });
        } catch (ProviderException | java.security.InvalidParameterException e) {
            throw new IllegalStateException("the " + where + " cannot be opened" + reason(e)
                    + ": check library and slot (softhsm2-util --show-slots, pkcs11-tool -L)", e);
        }
    }

    private static char[] pin(Config config, Function<String, String> environment, String where) {
        if (config.pinEnv() != null) {
            String value = environment.apply(config.pinEnv());
            if (value == null || value.isEmpty()) {
                throw new IllegalStateException("set the environment variable " + config.pinEnv()
                        + " to the user PIN of the " + where);
            }
            return value.toCharArray();
        }
        try {
            String value = Files.readString(config.pinFile(), StandardCharsets.UTF_8).strip();
            if (value.isEmpty()) {
                throw new IllegalStateException("the PIN file " + config.pinFile() + " of the " + where + " is empty");
            }
            return value.toCharArray();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the PIN file " + config.pinFile() + " of the " + where, e);
        }
    }

    private static String pinSource(Config config) {
        return config.pinEnv() != null ? "the environment variable " + config.pinEnv() : "the file " + config.pinFile();
    }

    /** The PKCS#11 return code of a failure (CKR_PIN_INCORRECT, CKR_SLOT_ID_INVALID, ...), when one is named. */
    private static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null) {
                java.util.regex.Matcher ckr = java.util.regex.Pattern.compile("CKR_[A-Z_]+").matcher(message);
                if (ckr.find()) {
                    return " (" + ckr.group() + ")";
                }
            }
        }
        return "";
    }
}
