package dev.tessera.core.crypto;

import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Argon2id hash in the PHC string format: {@code $argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash>},
 * salt and hash in standard Base64 without padding.
 */
record PhcString(int memoryKiB, int iterations, int parallelism, byte[] salt, byte[] hash) {

    private static final Pattern FORMAT = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=([1-9][0-9]{0,9}),t=([1-9][0-9]{0,9}),p=([1-9][0-9]{0,9})"
                    + "\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
    private static final Base64.Encoder BASE64 = Base64.getEncoder().withoutPadding();

    PhcString {
        salt = salt.clone();
        hash = hash.clone();
    }

    /** Empty for anything that is not a canonical Argon2id PHC string, or whose numbers exceed an int. */
    static Optional<PhcString> parse(String encoded) {
        if (encoded == null) {
            return Optional.empty();
        }
        Matcher matcher = FORMAT.matcher(encoded);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        long memory = Long.parseLong(matcher.group(1));
        long iterations = Long.parseLong(matcher.group(2));
        long parallelism = Long.parseLong(matcher.group(3));
        if (memory > Integer.MAX_VALUE || iterations > Integer.MAX_VALUE || parallelism > Integer.MAX_VALUE) {
            return Optional.empty();
        }
        Optional<byte[]> salt = canonicalBase64(matcher.group(4));
        Optional<byte[]> hash = canonicalBase64(matcher.group(5));
        if (salt.isEmpty() || hash.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PhcString((int) memory, (int) iterations, (int) parallelism, salt.get(), hash.get()));
    }

    // One hash, one spelling: reject Base64 whose unused low bits are set or whose length is impossible.
    private static Optional<byte[]> canonicalBase64(String text) {
        if (text.length() % 4 == 1) {
            return Optional.empty();
        }
        byte[] bytes = Base64.getDecoder().decode(text);
        return BASE64.encodeToString(bytes).equals(text) ? Optional.of(bytes) : Optional.empty();
    }

    String format() {
        return "$argon2id$v=19$m=" + memoryKiB + ",t=" + iterations + ",p=" + parallelism
                + "$" + BASE64.encodeToString(salt) + "$" + BASE64.encodeToString(hash);
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PhcString that
                && memoryKiB == that.memoryKiB && iterations == that.iterations && parallelism == that.parallelism
                && Arrays.equals(salt, that.salt) && Arrays.equals(hash, that.hash);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(salt) + Arrays.hashCode(hash);
    }

    @Override
    public String toString() {
        return format();
    }
}
