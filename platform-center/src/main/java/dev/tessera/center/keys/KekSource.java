package dev.tessera.center.keys;

import java.nio.file.Path;
import java.util.function.Function;

/**
 * Where the center's key-encryption key is: a key file ({@code --chip-kek /path}) or an AES key inside a PKCS#11
 * token ({@code --chip-kek pkcs11:/path/to/token.properties}, {@link TokenKek}).
 */
public sealed interface KekSource {
    String PKCS11 = "pkcs11:";

    /** The key, created when it does not exist yet (the center's own key). */
    ChipKek openOrCreate();

    /** The key, which must exist (a key being rotated out). */
    ChipKek open();

    /** A command-line value: {@code pkcs11:<settings file>} or a key file's path. */
    static KekSource parse(String value, Function<String, String> environment) {
        return value.startsWith(PKCS11) ? new Token(Path.of(value.substring(PKCS11.length())), environment)
                : new KeyFile(Path.of(value));
    }

    record KeyFile(Path file) implements KekSource {
        @Override
        public ChipKek openOrCreate() {
            return ChipKek.loadOrCreate(file);
        }

        @Override
        public ChipKek open() {
            return ChipKek.load(file);
        }
    }

    /** @param environment where the settings' {@code pin-env} is looked up */
    record Token(Path settings, Function<String, String> environment) implements KekSource {
        public Token(Path settings) {
            this(settings, System::getenv);
        }

        @Override
        public ChipKek openOrCreate() {
            return TokenKek.open(settings, environment, true);
        }

        @Override
        public ChipKek open() {
            return TokenKek.open(settings, environment, false);
        }

        @Override
        public String toString() {
            return "Token[" + settings + "]";
        }
    }
}
