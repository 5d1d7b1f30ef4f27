package io.clickgive;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;

/**
 * Every test calls the API as the first admin (created from %test configuration) unless it says otherwise with
 * {@code given().auth()…}: the tests of a feature look at the feature; who may call it is AuthorizationTest's subject.
 */
public class SignedIn implements QuarkusTestBeforeEachCallback {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "test-admin-password";

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        RestAssured.authentication = RestAssured.preemptive().basic(ADMIN, ADMIN_PASSWORD);
    }
}
