package dev.tessera.center.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.read.ListAppender;
import dev.tessera.center.chipkeys.ChipCards;
import dev.tessera.center.http.CenterApi;
import dev.tessera.center.support.ApiClient.Response;
import dev.tessera.center.keys.KekSource;
import dev.tessera.center.support.CenterFixture;
import dev.tessera.center.support.SoftHsm;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Every log line of a full claim-29 walk (design, publish, hold, sale with the member's password, chip issue), a
 * transfer with a wrong and the right transfer password, chip keys, a terminal key registration and a failed sign-in,
 * with our own loggers at TRACE and the libraries at their configured levels: no password, session token, private
 * key, AES chip key or transfer password in any.
 */
class SecretsInLogsTest {
    @TempDir
    Path dir;

    @Test
    void noSecretOfAFullWalkReachesAnyLogLine() throws java.io.IOException {
        LogCapture captured = LogCapture.start();
        List<String> secrets = new ArrayList<>();
        try (CenterWorld world = new CenterWorld(dir)) {
            Response personalized = world.sellerA.client().post("/api/chip-personalizations", Map.of());
            assertThat(personalized.status()).isEqualTo(201);
            String chipA = world.memberA.chipId();
            byte[] accessA = ChipCards.staticKey(world.fx.center, false, chipA);
            byte[] gateA = ChipCards.staticKey(world.fx.center, true, chipA);
            byte[] accessB = ChipCards.staticKey(world.fx.center, false, world.memberB.chipId());
            Response saleSession = world.sellerA.client().post("/api/chip-sessions", ChipCards.request(chipA, "ACCESS",
                    "SALE", world.saleA, null, null, ChipCards.tap(accessA)));
            Response delivery = world.memberA.client().post("/api/chip-sessions", ChipCards.request(chipA, "ACCESS",
                    "DELIVERY", null, null, null, ChipCards.tap(accessA)));
            Response refused = world.sellerB.client().post("/api/chip-sessions", ChipCards.request(chipA, "ACCESS",
                    "SALE", world.saleA, null, null, ChipCards.tap(accessA)));
            Response badCard = world.memberB.client().post("/api/chip-sessions", ChipCards.request(world.memberB.chipId(),
                    "ACCESS", "DELIVERY", null, null, null, ChipCards.tap(accessA)));
            assertThat(saleSession.status()).isEqualTo(200);
            assertThat(delivery.status()).isEqualTo(200);
            assertThat(refused.status()).isEqualTo(403);
            assertThat(badCard.status()).isEqualTo(409);
            String accept = "/api/transfers/" + world.transferId + "/accept";
            assertThat(world.memberB.client().post(accept, Map.of("transferPassword", "not-the-password")).status()).isEqualTo(403);
            assertThat(world.memberB.client().post(accept, Map.of("transferPassword", CenterWorld.TRANSFER_PASSWORD)).status())
                    .isEqualTo(200);
            assertThat(world.fx.anonymous.post("/api/sessions", Map.of("loginId", world.sellerB.loginId(),
                    "password", "a-wrong-guess")).status()).isEqualTo(401);

            secrets.addAll(List.of(CenterFixture.ORGANIZER_PASSWORD, CenterWorld.TRANSFER_PASSWORD,
                    world.fx.organizer.token(), hex(world.terminalKeyA.privateKeyBytes()),
                    hex(world.fx.center.services().keys().active().privateKeyBytes()),
                    personalized.get("accessKey").asText(), personalized.get("gateKey").asText(),
                    hex(accessA), hex(gateA), hex(accessB), saleSession.get("sessionKey").asText(),
                    delivery.get("sessionKey").asText()));
            // the key-encryption key that seals the chip key masters, from its file next to the world's H2 file
            secrets.add(java.nio.file.Files.readString(dir.resolve("world.chip-kek")).strip());
            for (var account : List.of(world.sellerA, world.sellerB, world.manager, world.gate)) {
                secrets.add(account.password());
                secrets.add(account.client().token());
            }
            for (var member : List.of(world.memberA, world.memberB, world.memberC)) {
                secrets.add(member.password());
                secrets.add(member.client().token());
                secrets.add(hex(member.chipKeys().privateScalar()));
            }
        } finally {
            captured.stop();
        }

        List<String> lines = captured.lines();
        assertThat(lines).as("the walk logs (the center's start at least)").isNotEmpty();
        assertThat(secrets).doesNotContainNull().allMatch(s -> s.length() >= 8);
        for (String secret : secrets) {
            String needle = secret.toLowerCase(Locale.ROOT);
            assertThat(lines).as("log lines holding a secret").noneMatch(line -> line.contains(needle));
        }
        System.out.printf("secrets in logs: %d log lines searched for %d secrets, none found%n", lines.size(), secrets.size());
    }

    /**
     * A center whose key-encryption key is in a PKCS#11 token (SoftHSM2), its PIN from an environment variable: the
     * walk, chip sessions, a start again and a start with a wrong PIN log the token and the kek id, never the PIN (right
     * or wrong), a chip key or the signing key.
     */
    @Test
    void noTokenPinOrKeyOfATokenCenterReachesAnyLogLine() throws java.io.IOException {
        SoftHsm.Token token = SoftHsm.tokens().get(1);
        Path settings = token.settings(dir, CenterFixture.unique("logs"), "TESSERA_KEK_PIN");
        String wrongPin = "wrong-pin-" + token.pin().hashCode();
        KekSource kek = new KekSource.Token(settings, name -> name.equals("TESSERA_KEK_PIN") ? token.pin() : null);
        KekSource wrong = new KekSource.Token(settings, name -> name.equals("TESSERA_KEK_PIN") ? wrongPin : null);
        LogCapture captured = LogCapture.start();
        List<String> secrets = new ArrayList<>(List.of(token.pin(), wrongPin));
        String url;
        try {
            try (CenterWorld world = new CenterWorld(dir, kek)) {
                url = dev.tessera.center.CenterConfig.h2FileUrl(dir.resolve("world"));
                String chip = world.memberA.chipId();
                byte[] access = ChipCards.staticKey(world.fx.center, false, chip);
                Response session = world.sellerA.client().post("/api/chip-sessions", ChipCards.request(chip, "ACCESS",
                        "SALE", world.saleA, null, null, ChipCards.tap(access)));
                assertThat(session.status()).as(session.body()).isEqualTo(200);
                secrets.addAll(List.of(hex(access), hex(ChipCards.staticKey(world.fx.center, true, chip)),
                        hex(world.fx.center.services().keys().active().privateKeyBytes()),
                        session.get("sessionKey").asText()));
            }
            new CenterFixture(url, "tessera", kek, null).close();
            assertThatThrownBy(() -> new CenterFixture(url, "tessera", wrong, null).close())
                    .hasMessageContaining("token '" + token.label() + "'").hasMessageContaining("refused the PIN")
                    .hasMessageNotContaining(wrongPin);
        } finally {
            captured.stop();
        }
        List<String> lines = captured.lines();
        assertThat(lines).as("the start names the token it uses")
                .anyMatch(line -> line.contains("is in the token '" + token.label() + "'"));
        for (String secret : secrets) {
            String needle = secret.toLowerCase(Locale.ROOT);
            assertThat(lines).as("log lines holding a secret").noneMatch(line -> line.contains(needle));
        }
        System.out.printf("secrets in logs (token KEK): %d log lines searched for %d secrets, none found%n", lines.size(),
                secrets.size());
    }

    /**
     * Jetty at DEBUG dumps raw request bytes, bearer tokens and passwords included (seen when this test ran with every
     * logger at DEBUG), and the HTTP client and pool debug lines are no better: the configuration the center ships
     * keeps them at INFO or above.
     */
    @Test
    void theShippedConfigurationKeepsLibraryWireDumpsOff() throws JoranException {
        LoggerContext shipped = new LoggerContext();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(shipped);
        configurator.doConfigure(CenterApi.class.getResource("/tessera-center-logback.xml"));
        for (String library : List.of("org.eclipse.jetty", "io.javalin", "org.jooq", "com.zaxxer.hikari", "org.flywaydb")) {
            assertThat(shipped.getLogger(library).getEffectiveLevel().isGreaterOrEqual(Level.INFO)).as(library).isTrue();
        }
    }

    /** Message, arguments, MDC and stack trace of one event, lower case (hex keys may be logged in either case). */
    /** Every log line of the code in between, with our own loggers at TRACE; {@link #stop} restores both. */
    private record LogCapture(Logger root, Logger ours, Level level, ListAppender<ILoggingEvent> appender) {
        static LogCapture start() {
            Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
            Logger ours = (Logger) LoggerFactory.getLogger("dev.tessera");
            LogCapture capture = new LogCapture(root, ours, ours.getLevel(), new ListAppender<>());
            capture.appender.start();
            root.addAppender(capture.appender);
            ours.setLevel(Level.TRACE);
            return capture;
        }

        void stop() {
            ours.setLevel(level);
            root.detachAppender(appender);
        }

        List<String> lines() {
            return appender.list.stream().map(SecretsInLogsTest::fullText).toList();
        }
    }

    private static String fullText(ILoggingEvent event) {
        StringBuilder text = new StringBuilder(event.getLoggerName()).append(' ').append(event.getFormattedMessage());
        event.getMDCPropertyMap().forEach((k, v) -> text.append(' ').append(k).append('=').append(v));
        if (event.getThrowableProxy() != null) {
            text.append(' ').append(ThrowableProxyUtil.asString(event.getThrowableProxy()));
        }
        return text.toString().toLowerCase(Locale.ROOT);
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
