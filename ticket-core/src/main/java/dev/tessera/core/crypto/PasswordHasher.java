package dev.tessera.core.crypto;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Argon2id password hashes in PHC string format, e.g.
 * {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}. Thread-safe.
 */
public final class PasswordHasher {

    /** OWASP Password Storage Cheat Sheet's Argon2id setting: 19 MiB, 2 passes, 1 lane. */
    public static final int DEFAULT_MEMORY_KIB = 19_456;
    public static final int DEFAULT_ITERATIONS = 2;
    public static final int DEFAULT_PARALLELISM = 1;
    public static final int DEFAULT_SALT_LENGTH = 16;
    public static final int DEFAULT_HASH_LENGTH = 32;

    static final int MIN_SALT_LENGTH = 8;
    static final int MAX_SALT_LENGTH = 64;
    static final int MIN_HASH_LENGTH = 16;
    static final int MAX_HASH_LENGTH = 64;
    // A stored hash is data: these caps stop a corrupted or planted one from costing gigabytes or minutes.
    static final int MAX_MEMORY_KIB = 1 << 20;
    static final int MAX_ITERATIONS = 64;
    static final int MAX_PARALLELISM = 16;
    private static final int MIN_MEMORY_KIB_PER_LANE = 8;

    private final int memoryKiB;
    private final int iterations;
    private final int parallelism;
    private final int saltLength;
    private final int hashLength;
    private final SecureRandom random;

    public PasswordHasher(int memoryKiB, int iterations, int parallelism, int saltLength, int hashLength,
                          SecureRandom random) {
        if (!costIsAcceptable(memoryKiB, iterations, parallelism)) {
            throw new IllegalArgumentException("Argon2id cost out of range: m=%d KiB, t=%d, p=%d (need 1 <= p <= %d, 1 <= t <= %d, 8*p <= m <= %d)"
                    .formatted(memoryKiB, iterations, parallelism, MAX_PARALLELISM, MAX_ITERATIONS, MAX_MEMORY_KIB));
        }
        if (saltLength < MIN_SALT_LENGTH || saltLength > MAX_SALT_LENGTH) {
            throw new IllegalArgumentException("salt length must be %d..%d bytes, was %d"
                    .formatted(MIN_SALT_LENGTH, MAX_SALT_LENGTH, saltLength));
        }
        if (hashLength < MIN_HASH_LENGTH || hashLength > MAX_HASH_LENGTH) {
            throw new IllegalArgumentException("hash length must be %d..%d bytes, was %d"
                    .formatted(MIN_HASH_LENGTH, MAX_HASH_LENGTH, hashLength));
        }
        this.memoryKiB = memoryKiB;
        this.iterations = iterations;
        this.parallelism = parallelism;
        this.saltLength = saltLength;
        this.hashLength = hashLength;
        this.random = Objects.requireNonNull(random, "random");
    }

    public static PasswordHasher defaults() {
        return new PasswordHasher(DEFAULT_MEMORY_KIB, DEFAULT_ITERATIONS, DEFAULT_PARALLELISM,
                DEFAULT_SALT_LENGTH, DEFAULT_HASH_LENGTH, new SecureRandom());
    }

    /**
     * @throws IllegalArgumentException if the password is not well-formed UTF-16 (an unpaired surrogate)
     */
    public String hash(char[] password) {
        Objects.requireNonNull(password, "password");
        byte[] salt = new byte[saltLength];
        random.nextBytes(salt);
        byte[] passwordBytes = utf8(password)
                .orElseThrow(() -> new IllegalArgumentException("password contains an unpaired surrogate character"));
        try {
            byte[] hash = Argon2id.derive(passwordBytes, salt, memoryKiB, iterations, parallelism, hashLength);
            return new PhcString(memoryKiB, iterations, parallelism, salt, hash).format();
        } finally {
            Arrays.fill(passwordBytes, (byte) 0);
        }
    }

    /**
     * A stored hash no password matches, made without running Argon2id: this hasher's cost, a random salt and random
     * bytes for the hash. {@link #verify} against it costs what a verify against a real hash costs (the derivation
     * runs in full, only the comparison fails), so a sign-in with an unknown login id can take as long as one with a
     * wrong password, and making it costs nothing at start (a {@link #hash} takes ~100 ms).
     */
    public String decoy() {
        byte[] salt = new byte[saltLength];
        byte[] hash = new byte[hashLength];
        random.nextBytes(salt);
        random.nextBytes(hash);
        return new PhcString(memoryKiB, iterations, parallelism, salt, hash).format();
    }

    /**
     * Recomputes the hash with the cost, salt and length stored in {@code encoded}. False for a wrong password and
     * for any encoded string that is not a well-formed Argon2id PHC string within this class's cost caps.
     */
    public boolean verify(char[] password, String encoded) {
        Objects.requireNonNull(password, "password");
        Optional<PhcString> stored = PhcString.parse(encoded).filter(PasswordHasher::isVerifiable);
        if (stored.isEmpty()) {
            return false;
        }
        Optional<byte[]> passwordBytes = utf8(password);
        if (passwordBytes.isEmpty()) {
            return false;
        }
        PhcString phc = stored.get();
        byte[] expected = phc.hash();
        try {
            byte[] actual = Argon2id.derive(passwordBytes.get(), phc.salt(), phc.memoryKiB(), phc.iterations(),
                    phc.parallelism(), expected.length);
            return org.bouncycastle.util.Arrays.constantTimeAreEqual(expected, actual);
        } finally {
            Arrays.fill(passwordBytes.get(), (byte) 0);
        }
    }

    /** True when {@code encoded} is malformed or was made with other parameters than this hasher's. */
    public boolean needsRehash(String encoded) {
        return PhcString.parse(encoded)
                .map(phc -> phc.memoryKiB() != memoryKiB || phc.iterations() != iterations
                        || phc.parallelism() != parallelism
                        || phc.salt().length != saltLength || phc.hash().length != hashLength)
                .orElse(true);
    }

    @Override
    public String toString() {
        return "PasswordHasher[argon2id m=%d KiB, t=%d, p=%d]".formatted(memoryKiB, iterations, parallelism);
    }

    private static boolean isVerifiable(PhcString phc) {
        int saltLength = phc.salt().length;
        int hashLength = phc.hash().length;
        return costIsAcceptable(phc.memoryKiB(), phc.iterations(), phc.parallelism())
                && saltLength >= MIN_SALT_LENGTH && saltLength <= MAX_SALT_LENGTH
                && hashLength >= MIN_HASH_LENGTH && hashLength <= MAX_HASH_LENGTH;
    }

    private static boolean costIsAcceptable(int memoryKiB, int iterations, int parallelism) {
        return parallelism >= 1 && parallelism <= MAX_PARALLELISM
                && iterations >= 1 && iterations <= MAX_ITERATIONS
                && memoryKiB >= MIN_MEMORY_KIB_PER_LANE * parallelism && memoryKiB <= MAX_MEMORY_KIB;
    }

    // Encodes without a String so the password never lands in the string pool; the caller wipes the result.
    private static Optional<byte[]> utf8(char[] password) {
        ByteBuffer buffer;
        try {
            buffer = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(password));
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
        byte[] bytes = Arrays.copyOfRange(buffer.array(), buffer.arrayOffset() + buffer.position(),
                buffer.arrayOffset() + buffer.limit());
        Arrays.fill(buffer.array(), (byte) 0);
        return Optional.of(bytes);
    }
}
