package io.clickgive.console;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A browser's view of the console for HTTP tests: signs in with the form, keeps the cookie, reads form tokens. */
public record ConsoleClient(String cookie) {

    public static ConsoleClient signIn(String user, String password) {
        Response response = given().auth().none().redirects().follow(false).formParam("j_username", user)
                .formParam("j_password", password).post("/j_security_check");
        response.then().statusCode(302).header("Location", endsWith("/console"));
        String cookie = response.getCookie("clickgive-console");
        assertTrue(cookie != null && !cookie.isBlank(), "signed in");
        return new ConsoleClient(cookie);
    }

    public RequestSpecification request() {
        return given().auth().none().redirects().follow(false).cookie("clickgive-console", cookie);
    }

    /** The page's HTML, which must answer 200. */
    public String page(String path, Object... params) {
        return request().get(path, params).then().statusCode(200).extract().asString();
    }

    /** The CSRF token of the page's first form. */
    public String token(String path, Object... params) {
        Matcher token = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page(path, params));
        assertTrue(token.find(), "the page " + path + " has a form with its token");
        return token.group(1);
    }
}
