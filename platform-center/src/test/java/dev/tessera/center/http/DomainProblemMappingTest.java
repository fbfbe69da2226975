package dev.tessera.center.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.center.problem.DomainException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import dev.tessera.contract.problem.Problem;

/**
 * A service's refusal reaches the wire as the very problem document the API answered before services knew nothing of
 * HTTP: the status of its kind, its code as the type, the title and the sentence (docs/openapi.json).
 */
class DomainProblemMappingTest {

    @Test
    void eachKindOfRefusalAnswersWithItsStatusTypeAndTitle() {
        assertProblem(DomainException.invalid("seatIds is required"), 400, "bad-request", "The request is not valid");
        assertProblem(DomainException.unauthenticated("sign in again"), 401, "unauthorized", "Sign-in required");
        assertProblem(DomainException.forbidden("not yours"), 403, "forbidden", "Not allowed for this account");
        assertProblem(DomainException.notFound("no event 7"), 404, "not-found", "Not found");
        assertProblem(DomainException.conflict("seat-unavailable", "seat A-11 is sold"), 409, "seat-unavailable",
                "Conflict with the current state");
        assertProblem(DomainException.tooManyAttempts("wait", Duration.ofMinutes(15)), 429, "too-many-attempts",
                "Too many failed attempts");
    }

    @Test
    void aRefusalWithItsOwnCodeKeepsItsOwnTitle() {
        assertProblem(DomainException.unprocessable("card-not-proven", "The card did not prove itself", "no chip id"),
                422, "card-not-proven", "The card did not prove itself");
        assertProblem(DomainException.forbidden("wrong-transfer-password", "Wrong transfer password", "4 attempts left"),
                403, "wrong-transfer-password", "Wrong transfer password");
    }

    @Test
    void theDocumentCarriesTheSentenceAsDetailUnderTheProblemsBase() {
        Problem problem = ApiException.of(DomainException.conflict("hold-not-active", "hold 9 lapsed"))
                .problem("/api/sales");

        assertThat(problem).isEqualTo(new Problem("https://tessera.dev/problems/hold-not-active",
                "Conflict with the current state", 409, "hold 9 lapsed", "/api/sales"));
    }

    @Test
    void onlyTooManyAttemptsSaysWhenToRetryInWholeSecondsRoundedUp() {
        assertThat(ApiException.of(DomainException.tooManyAttempts("wait", Duration.ofMillis(14_200)))
                .retryAfterSeconds()).isEqualTo(15);
        assertThat(ApiException.of(DomainException.tooManyAttempts("wait", Duration.ZERO)).retryAfterSeconds())
                .isEqualTo(1);
        assertThat(ApiException.of(DomainException.conflict("transfer-expired", "expired")).retryAfterSeconds())
                .isZero();
    }

    @Test
    void everyKindHasAStatus() {
        for (DomainException.Kind kind : DomainException.Kind.values()) {
            assertThat(ApiException.status(kind)).as(kind.name()).isBetween(400, 499);
        }
    }

    private static void assertProblem(DomainException refusal, int status, String type, String title) {
        ApiException api = ApiException.of(refusal);

        assertThat(api.status()).isEqualTo(status);
        assertThat(api.type()).isEqualTo(type);
        assertThat(api.title()).isEqualTo(title);
        assertThat(api.getMessage()).isEqualTo(refusal.getMessage());
        assertThat(api.getCause()).isSameAs(refusal);
    }
}
