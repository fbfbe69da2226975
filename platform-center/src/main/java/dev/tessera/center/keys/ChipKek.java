package dev.tessera.center.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key-encryption key that seals the chip key masters and the issuer's keys at rest (docs/operations.md, "Chip
 * keys at rest"): AES-256-GCM, from a file outside the database or inside a PKCS#11 token ({@link TokenKek}), so a
 * database dump alone yields no chip key. A sealed master is {@code gcm1:<kek id>:<base64(nonce ‖ ciphertext ‖ tag)>},
 * bound to its purpose as associated data, the same under either kind of key (so a rotation can go from one to the
 * other). The kek id of a file is the first 8 bytes of SHA-256 of the key; of a token key, which never leaves the
 * token, its check value (the first 8 bytes of AES-ECB of a zero block, computed inside the token). Either way the
 * center says which key it needs when it has the wrong one.
 */
public final class ChipKek {
    /** How a key seals: a GCM cipher initialized with the key, wherever the key is. */
    interface Engine {
        Cipher gcm(int mode, GCMParameterSpec spec) throws GeneralSecurityException;
    }

    private static final String PREFIX = "gcm1:";
    private static final int NONCE = 12;
    private static final HexFormat HEX = HexFormat.of();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Engine engine;
    private final String id;
    private final String where;

    ChipKek(Engine engine, String id, String where) {
        this.engine = engine;
        this.id = id;
        this.where = where;
    }

    private static ChipKek ofFile(byte[] key, Path file) {
        try {
            String id = HEX.formatHex(Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(key), 8));
            SecretKeySpec spec = new SecretKeySpec(key, "AES");
            return new ChipKek((mode, gcm) -> {
                Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(mode, spec, gcm);
                return cipher;
            }, id, "key file " + file);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads the key file (64 hex digits); creates it, readable by its owner only, when it does not exist. */
    public static ChipKek loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                Path dir = file.toAbsolutePath().getParent();
                if (dir != null) {
                    Files.createDirectories(dir);
                }
                byte[] fresh = new byte[32];
                RANDOM.nextBytes(fresh);
                try {
                    Files.writeString(file, HEX.formatHex(fresh) + "\n", StandardCharsets.US_ASCII,
                            StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                    try {
                        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                    } catch (UnsupportedOperationException notPosix) {
                        // Windows: the folder's ACL protects it
                    }
                } catch (FileAlreadyExistsException raced) {
                    // another center created it first: read theirs
                }
            }
            return load(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the chip key-encryption key " + file, e);
        }
    }

    /** Reads an existing key file. */
    public static ChipKek load(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
            byte[] key = HEX.parseHex(text);
            if (key.length != 32) {
                throw new IllegalStateException("the chip key-encryption key " + file + " must hold 64 hex digits");
            }
            return ofFile(key, file);
        } catch (IllegalArgumentException notHex) {
            throw new IllegalStateException("the chip key-encryption key " + file + " must hold 64 hex digits");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the chip key-encryption key " + file, e);
        }
    }

    public String id() {
        return id;
    }

    /** Where the key is, in words for messages: "key file /path" or "token 'label' (slot …)"; never the key. */
    public String where() {
        return where;
    }

    public static boolean isSealed(String stored) {
        return stored.startsWith(PREFIX);
    }

    /** The kek id a sealed value names. */
    public static String sealedBy(String stored) {
        String rest = stored.substring(PREFIX.length());
        int colon = rest.indexOf(':');
        return colon < 0 ? "" : rest.substring(0, colon);
    }

    /**
     * A stored secret opened: {@code reseal} is the value to store instead (sealed under this key) when it was in
     * clear or under the previous key, null when it is sealed under this key already.
     */
    public record Opened(byte[] secret, String reseal) {}

    /**
     * Opens a secret as the center stores it: sealed under this key; or in clear (hex, written by a version before
     * sealing) or sealed under {@code previous} (a key-encryption key being rotated out), which are opened and sealed
     * anew. Anything else stops the start with the kek id it needs.
     *
     * @param previous null unless the key-encryption key is being rotated
     * @param what     the secret in words, for the message ("the access chip key master")
     * @throws IllegalStateException when no key at hand opens it
     */
    public Opened openOrReseal(String stored, String purpose, ChipKek previous, String what) {
        byte[] secret;
        if (!isSealed(stored)) {
            secret = HEX.parseHex(stored);
        } else if (sealedBy(stored).equals(id)) {
            return new Opened(open(stored, purpose), null);
        } else if (previous != null && sealedBy(stored).equals(previous.id())) {
            secret = previous.open(stored, purpose);
        } else {
            throw new IllegalStateException(what + " is sealed under key-encryption key " + sealedBy(stored)
                    + ", but the " + where + " holds key " + id
                    + (previous == null ? "" : " and the " + previous.where() + " key " + previous.id())
                    + ": start the center with the key it was sealed under (docs/operations.md)");
        }
        return new Opened(secret, seal(secret, purpose));
    }

    public String seal(byte[] secret, String purpose) {
        byte[] nonce = new byte[NONCE];
        RANDOM.nextBytes(nonce);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, nonce, secret, purpose);
        byte[] out = new byte[NONCE + sealed.length];
        System.arraycopy(nonce, 0, out, 0, NONCE);
        System.arraycopy(sealed, 0, out, NONCE, sealed.length);
        return PREFIX + id + ":" + Base64.getEncoder().encodeToString(out);
    }

    /** @throws IllegalStateException when the value is not sealed under this key, or was changed */
    public byte[] open(String stored, String purpose) {
        if (!isSealed(stored) || !sealedBy(stored).equals(id)) {
            throw new IllegalStateException("sealed under key-encryption key " + (isSealed(stored) ? sealedBy(stored)
                    : "(none)") + ", not " + id + " (" + where + ")");
        }
        byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length() + id.length() + 1));
        return crypt(Cipher.DECRYPT_MODE, Arrays.copyOf(all, NONCE), Arrays.copyOfRange(all, NONCE, all.length), purpose);
    }

    private byte[] crypt(int mode, byte[] nonce, byte[] input, String purpose) {
        try {
            Cipher gcm = engine.gcm(mode, new GCMParameterSpec(128, nonce));
            gcm.updateAAD(("tessera chip key master " + purpose).getBytes(StandardCharsets.US_ASCII));
            return gcm.doFinal(input);
        } catch (GeneralSecurityException | java.security.ProviderException e) {
            // a token answers a wrong tag with a ProviderException (CKR_ENCRYPTED_DATA_INVALID) where the JDK's own
            // cipher throws AEADBadTagException
            throw new IllegalStateException("the chip key master " + purpose + " does not open under key-encryption key "
                    + id + " (" + where + "): the value or the key was changed", e);
        }
    }

    @Override
    public String toString() {
        return "ChipKek[" + id + ", " + where + "]";
    }
}
