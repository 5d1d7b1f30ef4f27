package io.clickgive.crypto;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What production refuses to start with (the check itself runs at start in every profile but dev and test). */
class SecretsCheckTest {

    private static final String TOKEN = "k8vQ2rX9mW4tZ7pL1sD6fH3jN0bC5yGe";
    private static final String PRIVACY = "Pq7Lm2Wx9Rt4Zc8Vb1Nk6Hs3Jd0Fg5Ay";
    private static final String SESSION = "Ue3Io8Kj2Mn7Bv1Cx6Za9Qw4Er0Ty5Up";

    @Test
    void strongDistinctSecretsPass() {
        assertEquals(List.of(), SecretsCheck.problems(secrets(TOKEN, PRIVACY, SESSION, "a long admin pass")));
        // The first admin's password is optional: set once, then removed.
        assertEquals(List.of(), SecretsCheck.problems(secrets(TOKEN, PRIVACY, SESSION, null)));
    }

    @Test
    void emptyShortPlaceholderRepeatedAndSharedSecretsAreRefused() {
        assertProblem(secrets(TOKEN, "", SESSION, null), "CLICKGIVE_PRIVACY_KEY is not set");
        assertProblem(secrets(TOKEN, PRIVACY, null, null), "CLICKGIVE_SESSION_KEY is not set");
        assertProblem(secrets("short-but-random-Zq8", PRIVACY, SESSION, null), "CLICKGIVE_TOKEN_KEY has 20 characters");
        assertProblem(secrets("dev-only-token-key-change-me-0123456789", PRIVACY, SESSION, null),
                "CLICKGIVE_TOKEN_KEY looks like a placeholder");
        assertProblem(secrets(TOKEN, "a".repeat(40), SESSION, null), "CLICKGIVE_PRIVACY_KEY repeats too few characters");
        assertProblem(secrets(TOKEN, TOKEN, SESSION, null), "CLICKGIVE_PRIVACY_KEY is the same as another secret");
        assertProblem(secrets(TOKEN, PRIVACY, SESSION, "admin12"), "CLICKGIVE_SECURITY_ADMIN_PASSWORD has 7 characters");
        assertProblem(secrets(TOKEN, PRIVACY, SESSION, "my-password-2026"),
                "CLICKGIVE_SECURITY_ADMIN_PASSWORD looks like a placeholder");
    }

    private static void assertProblem(List<SecretsCheck.Secret> secrets, String expected) {
        List<String> problems = SecretsCheck.problems(secrets);
        assertTrue(problems.stream().anyMatch(p -> p.startsWith(expected)), expected + " in " + problems);
        assertTrue(problems.stream().noneMatch(p -> secrets.stream().anyMatch(s -> s.value().filter(v -> v.length() > 3)
                .map(p::contains).orElse(false))), "no secret's value in the message: " + problems);
    }

    private static List<SecretsCheck.Secret> secrets(String token, String privacy, String session, String admin) {
        return List.of(new SecretsCheck.Secret("CLICKGIVE_TOKEN_KEY", Optional.ofNullable(token), 32, true),
                new SecretsCheck.Secret("CLICKGIVE_PRIVACY_KEY", Optional.ofNullable(privacy), 32, true),
                new SecretsCheck.Secret("CLICKGIVE_SESSION_KEY", Optional.ofNullable(session), 32, true),
                new SecretsCheck.Secret("CLICKGIVE_SECURITY_ADMIN_PASSWORD", Optional.ofNullable(admin), 12, false));
    }
}
