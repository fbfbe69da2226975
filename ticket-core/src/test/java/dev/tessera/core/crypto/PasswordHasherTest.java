package dev.tessera.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordHasherTest {

    private static final String PHC = "\\$argon2id\\$v=19\\$m=%d,t=%d,p=%d\\$[A-Za-z0-9+/]{%d}\\$[A-Za-z0-9+/]{%d}";

    private final PasswordHasher cheap = new PasswordHasher(64, 1, 1, 16, 32, new SecureRandom());

    @Test
    void hashedPasswordVerifies() {
        String encoded = cheap.hash("correct horse".toCharArray());

        assertThat(cheap.verify("correct horse".toCharArray(), encoded)).isTrue();
    }

    @Test
    void wrongPasswordDoesNotVerify() {
        String encoded = cheap.hash("correct horse".toCharArray());

        assertThat(cheap.verify("correct horsf".toCharArray(), encoded)).isFalse();
        assertThat(cheap.verify(new char[0], encoded)).isFalse();
    }

    @Test
    void defaultsProduceOwaspPhcString() {
        String encoded = PasswordHasher.defaults().hash("s3cret".toCharArray());

        // 16-byte salt → 22 Base64 characters, 32-byte hash → 43, no padding
        assertThat(encoded).matches(PHC.formatted(19456, 2, 1, 22, 43));
        assertThat(PasswordHasher.defaults().verify("s3cret".toCharArray(), encoded)).isTrue();
    }

    @Test
    void decoyHasTheHashersCostAndMatchesNoPassword() {
        PasswordHasher defaults = PasswordHasher.defaults();
        String decoy = defaults.decoy();
        assertThat(decoy).matches(PHC.formatted(PasswordHasher.DEFAULT_MEMORY_KIB, PasswordHasher.DEFAULT_ITERATIONS,
                PasswordHasher.DEFAULT_PARALLELISM, 22, 43));
        // the hasher's own cost, so a verify against it runs the same derivation as one against a stored hash
        assertThat(defaults.needsRehash(decoy)).isFalse();
        assertThat(cheap.decoy()).isNotEqualTo(cheap.decoy());
        String cheapDecoy = cheap.decoy();
        for (String password : new String[] {"", "decoy-password", "correct horse battery staple"}) {
            assertThat(cheap.verify(password.toCharArray(), cheapDecoy)).isFalse();
        }
    }

    @Test
    void sameSaltAndParametersGiveTheSameHash() {
        PasswordHasher seededA = new PasswordHasher(64, 1, 1, 16, 32, fixedRandom());
        PasswordHasher seededB = new PasswordHasher(64, 1, 1, 16, 32, fixedRandom());

        assertThat(seededA.hash("pw".toCharArray())).isEqualTo(seededB.hash("pw".toCharArray()));
    }

    @Test
    void freshSaltMakesEveryHashDifferent() {
        assertThat(cheap.hash("pw".toCharArray())).isNotEqualTo(cheap.hash("pw".toCharArray()));
    }

    @Test
    void verifyUsesTheParametersStoredInTheEncodedString() {
        String encoded = new PasswordHasher(128, 3, 2, 12, 24, new SecureRandom()).hash("pw".toCharArray());

        assertThat(encoded).matches(PHC.formatted(128, 3, 2, 16, 32));
        assertThat(cheap.verify("pw".toCharArray(), encoded)).isTrue();
    }

    @Test
    void nonAsciiPasswordsRoundTrip() {
        char[] password = "pässwörd 秘密 🎫".toCharArray();

        assertThat(cheap.verify(password, cheap.hash(password))).isTrue();
    }

    @Test
    void passwordWithUnpairedSurrogateIsRefused() {
        char[] broken = {'a', '\uD800', 'b'};

        assertThatThrownBy(() -> cheap.hash(broken)).isInstanceOf(IllegalArgumentException.class);
        assertThat(cheap.verify(broken, cheap.hash("a?b".toCharArray()))).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "garbage",
            "$argon2i$v=19$m=64,t=1,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA",
            "$argon2id$v=16$m=64,t=1,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA",
            "$argon2id$m=64,t=1,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA",
            "$argon2id$v=19$m=064,t=1,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA",
            "$argon2id$v=19$m=0,t=1,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA",
            "$argon2id$v=19$m=64,t=0,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA",
            "$argon2id$v=19$m=7,t=1,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA",
            "$argon2id$v=19$m=99999999999,t=1,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA",
            "$argon2id$v=19$m=4194304,t=1,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA",
            "$argon2id$v=19$m=64,t=1000,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA",
            "$argon2id$v=19$m=64,t=1,p=255$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA",
            "$argon2id$v=19$m=64,t=1,p=1,keyid=abc$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA",
            "$argon2id$v=19$m=64,t=1,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA==",
            "$argon2id$v=19$m=64,t=1,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaB",
            "$argon2id$v=19$m=64,t=1,p=1$c2FsdHNhbHRzYWx0$aGFzaGhh*2hoYXNoaGFzaA",
            "$argon2id$v=19$m=64,t=1,p=1$c2FsdA$aGFzaGhhc2hoYXNoaGFzaA",
            "$argon2id$v=19$m=64,t=1,p=1$c2FsdHNhbHRzYWx0$aGFzaA",
            "$argon2id$v=19$m=64,t=1,p=1$c2FsdHNhbHRzYWx0$",
            "$argon2id$v=19$m=64,t=1,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA$extra",
            " $argon2id$v=19$m=64,t=1,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA",
            "$argon2id$v=19$m=64,t=1,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA\n",
            "$argon2id$v=19$m=６4,t=1,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA",
    })
    void malformedEncodedStringVerifiesAsFalse(String encoded) {
        assertThat(cheap.verify("pw".toCharArray(), encoded)).isFalse();
        assertThat(cheap.needsRehash(encoded)).isTrue();
    }

    @Test
    void wellFormedEncodingWithTheWrongHashVerifiesAsFalse() {
        // Same shape as the cases above, so those fail on their defect and not on the hash.
        assertThat(cheap.verify("pw".toCharArray(), "$argon2id$v=19$m=64,t=1,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA"))
                .isFalse();
    }

    @Test
    void randomStringsNeverThrow() {
        Random random = new Random(7);
        String alphabet = "$argon2idv=19mtp,0123456789+/ABCabc=";
        for (int i = 0; i < 2_000; i++) {
            StringBuilder s = new StringBuilder("$argon2id$v=19$");
            int length = random.nextInt(60);
            for (int j = 0; j < length; j++) {
                s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertThat(cheap.verify("pw".toCharArray(), s.toString())).isFalse();
        }
    }

    @Test
    void needsRehashWhenParametersDiffer() {
        String cheapHash = cheap.hash("pw".toCharArray());

        assertThat(cheap.needsRehash(cheapHash)).isFalse();
        assertThat(PasswordHasher.defaults().needsRehash(cheapHash)).isTrue();
        assertThat(new PasswordHasher(64, 1, 1, 16, 16, new SecureRandom()).needsRehash(cheapHash)).isTrue();
        assertThat(new PasswordHasher(64, 1, 1, 32, 32, new SecureRandom()).needsRehash(cheapHash)).isTrue();
    }

    @Test
    void encodedSaltAndHashHaveTheConfiguredLengths() {
        String[] parts = cheap.hash("pw".toCharArray()).split("\\$");

        assertThat(Base64.getDecoder().decode(parts[4])).hasSize(16);
        assertThat(Base64.getDecoder().decode(parts[5])).hasSize(32);
    }

    @Test
    void unsafeParametersAreRefused() {
        SecureRandom random = new SecureRandom();
        assertThatThrownBy(() -> new PasswordHasher(4, 1, 1, 16, 32, random)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PasswordHasher(64, 0, 1, 16, 32, random)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PasswordHasher(64, 1, 0, 16, 32, random)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PasswordHasher(64, 1, 1, 4, 32, random)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PasswordHasher(64, 1, 1, 16, 8, random)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringShowsCostOnly() {
        assertThat(PasswordHasher.defaults()).hasToString("PasswordHasher[argon2id m=19456 KiB, t=2, p=1]");
    }

    @Test
    void rfc9106Argon2idTestVector() {
        // RFC 9106 section 5.3: Argon2id, m=32 KiB, t=3, p=4, 32-byte tag, with secret and associated data
        byte[] tag = Argon2id.derive(filled(32, 0x01), filled(16, 0x02), filled(8, 0x03), filled(12, 0x04), 32, 3, 4, 32);

        assertThat(HexFormat.of().formatHex(tag))
                .isEqualTo("0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659");
    }

    @Test
    void knownAnswerWithoutSecretMatchesTheReferenceImplementation() {
        // argon2 CLI (reference C implementation): echo -n password | argon2 somesalt -id -t 2 -k 65536 -p 1 -l 32
        byte[] hash = Argon2id.derive("password".getBytes(), "somesalt".getBytes(), 65536, 2, 1, 32);

        assertThat(HexFormat.of().formatHex(hash))
                .isEqualTo("09316115d5cf24ed5a15a31a3ba326e5cf32edc24702987c02b6566f61913cf7");
    }

    @Test
    void referenceImplementationPhcStringVerifies() {
        String fromReference = "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";

        assertThat(cheap.verify("password".toCharArray(), fromReference)).isTrue();
        assertThat(cheap.verify("Password".toCharArray(), fromReference)).isFalse();
    }

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        java.util.Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    private static SecureRandom fixedRandom() {
        return new SecureRandom() {
            private static final long serialVersionUID = 1L;

            @Override
            public void nextBytes(byte[] bytes) {
                java.util.Arrays.fill(bytes, (byte) 0x5A);
            }
        };
    }
}
