package io.clickgive.security;

import io.clickgive.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service as production runs it: the secrets check on (this profile's keys pass it, so it started), and the
 * console's cookie marked Secure although the request came over plain HTTP (TLS ends at the ingress).
 */
@QuarkusTest
@TestProfile(ProductionSettingsTest.Production.class)
class ProductionSettingsTest {

    public static class Production implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("clickgive.security.require-strong-secrets", "true",
                    "clickgive.security.secure-cookie", "true",
                    "clickgive.tokens.key", "k8vQ2rX9mW4tZ7pL1sD6fH3jN0bC5yGe",
                    "clickgive.privacy.key", "Pq7Lm2Wx9Rt4Zc8Vb1Nk6Hs3Jd0Fg5Ay",
                    "quarkus.http.auth.session.encryption-key", "Ue3Io8Kj2Mn7Bv1Cx6Za9Qw4Er0Ty5Up",
                    // The test admin's is a placeholder the check refuses; the admin exists already, or is not needed.
                    "clickgive.security.admin-password", "");
        }
    }

    @Inject
    UserService users;

    @Test
    void theConsolesCookieIsSecureBehindTls() {
        String name = "prod-" + Fixtures.uniqueSlug("m").toLowerCase();
        String password = "a-strong-console-pass-2026";
        QuarkusTransaction.requiringNew().run(() -> users.create(new UserDraft(name, password, "manager", null)));
        Response signedIn = given().auth().none().redirects().follow(false).formParam("j_username", name)
                .formParam("j_password", password).post("/j_security_check");
        signedIn.then().statusCode(302);
        String setCookie = signedIn.headers().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(SecureCookie.COOKIE + "=")).findFirst().orElseThrow();
        assertTrue(setCookie.contains("; Secure"), "Secure: " + setCookie);
        assertTrue(setCookie.toLowerCase().contains("; httponly") && setCookie.contains("SameSite=Strict"), setCookie);
    }
}
