package dev.tessera.core.crypto;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/** The raw Argon2id function (RFC 9106, version 0x13); {@link PasswordHasher} wraps it in PHC strings. */
final class Argon2id {

    static final int VERSION = Argon2Parameters.ARGON2_VERSION_13;

    private static final byte[] NONE = new byte[0];

    private Argon2id() {
    }

    static byte[] derive(byte[] password, byte[] salt, int memoryKiB, int iterations, int parallelism, int hashLength) {
        return derive(password, salt, NONE, NONE, memoryKiB, iterations, parallelism, hashLength);
    }

    /** With the optional secret and associated data of RFC 9106 section 3.1; used by the known-answer test. */
    static byte[] derive(byte[] password, byte[] salt, byte[] secret, byte[] associatedData,
                         int memoryKiB, int iterations, int parallelism, int hashLength) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(VERSION)
                .withSalt(salt)
                .withSecret(secret)
                .withAdditional(associatedData)
                .withMemoryAsKB(memoryKiB)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] hash = new byte[hashLength];
        generator.generateBytes(password, hash);
        return hash;
    }
}
