package dev.tessera.center.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.center.CenterConfig;
import dev.tessera.center.account.AccountService;
import dev.tessera.center.support.ApiClient.Response;
import dev.tessera.center.support.CenterFixture;
import dev.tessera.center.support.CenterFixture.Account;
import dev.tessera.core.model.Role;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Password guessing: five wrong passwords lock a login id, and the answers never tell whether the account exists. */
class LoginLockoutTest {
    @TempDir
    Path dir;

    @Test
    void wrongPasswordsLockTheLoginAndTheAnswersDoNotRevealWhetherItExists() {
        try (CenterFixture fx = new CenterFixture(CenterConfig.h2FileUrl(dir.resolve("lockout")), "tessera")) {
            Account seller = fx.account(Role.SELLER);
            String ghost = "no-such-" + seller.loginId();

            List<String> real = guess(fx, seller.loginId());
            List<String> unknown = guess(fx, ghost);
            assertThat(real).hasSize(AccountService.MAX_FAILED_LOGINS + 2);
            assertThat(real.subList(0, AccountService.MAX_FAILED_LOGINS)).allMatch(a -> a.startsWith("401"));
            assertThat(real.subList(AccountService.MAX_FAILED_LOGINS, real.size())).allMatch(a -> a.startsWith("429"));
            assertThat(unknown).as("an unknown login id is answered exactly like an existing one").isEqualTo(real);

            // locked means locked: the right password is refused too, with the same answer as for the unknown id
            Response right = login(fx, seller.loginId(), seller.password());
            Response ghostLogin = login(fx, ghost, seller.password());
            assertThat(right.status()).isEqualTo(429);
            assertThat(answer(right)).isEqualTo(answer(ghostLogin));

            fx.clock.advance(Duration.ofMinutes(6));
            assertThat(login(fx, seller.loginId(), seller.password()).status()).isEqualTo(201);
            assertThat(login(fx, ghost, "whatever-password").status()).isEqualTo(401);
        }
    }

    private static List<String> guess(CenterFixture fx, String loginId) {
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < AccountService.MAX_FAILED_LOGINS + 2; i++) {
            answers.add(answer(login(fx, loginId, "wrong-password-" + i)));
        }
        return answers;
    }

    private static Response login(CenterFixture fx, String loginId, String password) {
        return fx.anonymous.post("/api/sessions", Map.of("loginId", loginId, "password", password));
    }

    /** Status, title and detail: everything a guesser sees, less the path it asked. */
    private static String answer(Response r) {
        return (r.status() + " " + r.get("title").asText() + " " + r.get("detail").asText())
                .replaceAll("\\d{2}:\\d{2}:\\d{2}", "hh:mm:ss"); // the lock-out ends a second apart
    }
}
