package io.clickgive.security;

import io.clickgive.Distribution;
import io.clickgive.Fixtures;
import io.clickgive.console.Csrf;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every endpoint the running app declares (its OpenAPI document) × every kind of caller → the expected answer. An
 * endpoint outside the known prefixes fails the test until it is given a rule.
 */
@QuarkusTest
class AuthorizationTest {

    private static final List<String> PUBLIC = List.of("/api/campaigns/", "/api/sessions/", "/api/identities", "/api/players/", "/c/");

    enum Caller { ANONYMOUS, OTHER_DISTRIBUTOR, DISTRIBUTOR, MANAGER, ADMIN }

    @Inject
    Csrf csrf;

    @Test
    void everyEndpointAnswersEachCallerAsItsRuleSays() {
        String slug = Fixtures.liveCampaign("authz");
        String mine = Distribution.distributor("MA-07");
        String theirs = Distribution.distributor("MA-01");
        Map<Caller, String> users = Map.of(
                Caller.DISTRIBUTOR, Distribution.distributorUser(mine),
                Caller.OTHER_DISTRIBUTOR, Distribution.distributorUser(theirs),
                Caller.MANAGER, Distribution.manager());

        Map<String, Map<String, Object>> paths = Fixtures.management().get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath().getMap("paths");
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, Map<String, Object>> entry : paths.entrySet()) {
            String template = entry.getKey();
            if (PUBLIC.stream().anyMatch(template::startsWith)) {
                continue;
            }
            if (template.equals("/console/login") || template.equals("/")) {
                continue;                                  // the sign-in page and the front door are public
            }
            String area = template.startsWith("/api/manage") ? "manage"
                    : template.startsWith("/api/distribute") ? "distribute"
                    : template.startsWith("/api/admin") ? "admin"
                    : template.startsWith("/console") ? "console" : null;
            if (area == null) {
                problems.add(template + " has no access rule (neither public nor under /api/manage, /api/distribute, "
                        + "/api/admin, /console)");
                continue;
            }
            String path = template.replace("{slug}", slug).replace("{distributor}", mine).replace("{id}", "999999")
                    .replace("{code}", "nobody").replace("{serial}", "nobody").replace("{username}", "nobody").replace("{kind}", "likes")
                    .replace("{part}", "signature").replace("{reference}", "AP-NOBODY00").replace("{event}", "999999");
            for (String method : entry.getValue().keySet()) {
                for (Caller caller : Caller.values()) {
                    int status = area.equals("console") ? console(caller, users, method, path)
                            : call(caller, users, method, path);
                    String expected = area.equals("console") ? consoleExpected(template, caller)
                            : expected(area, caller);
                    boolean ok = switch (expected) {
                        case "401" -> status == 401;
                        case "403" -> status == 403;
                        case "302" -> status == 302;
                        default -> status != 302 && status != 401 && status != 403 && status < 500;
                    };
                    if (!ok) {
                        problems.add(method.toUpperCase() + " " + template + " as " + caller + ": " + status
                                + ", expected " + expected);
                    }
                    checked++;
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertTrue(checked > 150, "checked " + checked + " endpoint × caller pairs");
    }

    @Test
    void wrongOrMissingCredentialsAreRefusedAndRevealNothing() {
        given().auth().none().get("/api/manage/campaigns").then().statusCode(401);
        given().auth().preemptive().basic("admin", "not-the-password").get("/api/manage/campaigns").then()
                .statusCode(401);
        given().auth().preemptive().basic("nobody-at-all", "whatever-password").get("/api/manage/campaigns").then()
                .statusCode(401);
        // A distributor reaching another organisation's tablets: refused, with nothing about them in the answer.
        String mine = Distribution.distributor("MA-07");
        String theirs = Distribution.distributor("MA-01");
        String user = Distribution.distributorUser(mine);
        String answer = given().auth().preemptive().basic(user, Distribution.USER_PASSWORD)
                .get("/api/distribute/{d}/tablets", theirs).then().statusCode(403).extract().asString();
        assertTrue(!answer.contains(theirs), answer);
        given().auth().preemptive().basic(user, Distribution.USER_PASSWORD)
                .get("/api/distribute/{d}/tablets", mine).then().statusCode(200);
    }

    @Test
    void thePublicGameIgnoresCredentials() {
        String slug = Fixtures.liveCampaign("authz-public");
        // Not checked at all where no rule asks for them: no bcrypt round for anyone who sends a header.
        given().auth().preemptive().basic("nobody-at-all", "wrong").get("/api/campaigns/{slug}/totals", slug).then()
                .statusCode(200);
        given().auth().preemptive().basic("nobody-at-all", "wrong").get("/c/{slug}", slug).then().statusCode(200);
    }

    @Test
    void repeatedFailedSignInsAreSlowedDown() {
        String manager = Distribution.manager();
        for (int i = 0; i < LoginThrottle.PER_USER; i++) {
            given().auth().preemptive().basic(manager, "wrong-password-" + i).get("/api/manage/campaigns").then()
                    .statusCode(401);
        }
        // Even the right password waits now, without being checked; other users are not held up.
        given().auth().preemptive().basic(manager, Distribution.USER_PASSWORD).get("/api/manage/campaigns").then()
                .statusCode(429).header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .body(org.hamcrest.Matchers.containsString("failed sign-ins"));
        given().get("/api/manage/campaigns").then().statusCode(200);
    }

    @Test
    void adminsManageUsersAndPasswordsAreNeverShown() {
        String manager = Distribution.manager();
        String listed = given().get("/api/admin/users").then().statusCode(200).extract().asString();
        assertTrue(listed.contains(manager) && !listed.contains("$2"), listed);
        given().contentType(ContentType.JSON).body(Map.of("username", "short-pw", "password", "short", "role", "manager"))
                .post("/api/admin/users").then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("username", "lonely-distributor",
                "password", Distribution.USER_PASSWORD, "role", "distributor")).post("/api/admin/users").then()
                .statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("username", manager, "password", Distribution.USER_PASSWORD,
                "role", "manager")).post("/api/admin/users").then().statusCode(409);
        given().auth().preemptive().basic(manager, Distribution.USER_PASSWORD).get("/api/manage/campaigns").then()
                .statusCode(200);
        given().delete("/api/admin/users/{u}", manager).then().statusCode(204);
        given().auth().preemptive().basic(manager, Distribution.USER_PASSWORD).get("/api/manage/campaigns").then()
                .statusCode(401);
        given().delete("/api/admin/users/admin").then().statusCode(409);
    }

    private static String expected(String area, Caller caller) {
        if (caller == Caller.ANONYMOUS) {
            return "401";
        }
        return switch (area) {
            case "manage" -> caller == Caller.MANAGER || caller == Caller.ADMIN ? "allowed" : "403";
            case "distribute" -> caller == Caller.DISTRIBUTOR || caller == Caller.ADMIN ? "allowed" : "403";
            default -> caller == Caller.ADMIN ? "allowed" : "403";
        };
    }

    /** The console's areas: managers' pages, the admin's, the distributors'; the rest for anyone signed in. */
    private static String consoleExpected(String template, Caller caller) {
        if (caller == Caller.ANONYMOUS) {
            return "302";                                  // to the sign-in page
        }
        boolean managers = java.util.stream.Stream.of("/console/campaigns", "/console/imports", "/console/beneficiaries",
                "/console/stock", "/console/distributors", "/console/sites", "/console/applications").anyMatch(template::startsWith);
        boolean allowed = managers
                ? caller == Caller.MANAGER || caller == Caller.ADMIN
                : template.startsWith("/console/users") ? caller == Caller.ADMIN
                : !template.startsWith("/console/tablets") && !template.startsWith("/console/field")
                || caller == Caller.DISTRIBUTOR
                || caller == Caller.OTHER_DISTRIBUTOR;
        return allowed ? "allowed" : "403";
    }

    private final Map<Caller, String> consoleCookies = new java.util.EnumMap<>(Caller.class);

    /** The console signs in with its form: each caller gets its own cookie once. */
    private int console(Caller caller, Map<Caller, String> users, String method, String path) {
        RequestSpecification request = given().auth().none().redirects().follow(false);
        String user = caller == Caller.ADMIN ? io.clickgive.SignedIn.ADMIN : users.get(caller);
        if (caller != Caller.ANONYMOUS) {
            String cookie = consoleCookies.computeIfAbsent(caller, c -> {
                String password = c == Caller.ADMIN ? io.clickgive.SignedIn.ADMIN_PASSWORD : Distribution.USER_PASSWORD;
                return given().auth().none().redirects().follow(false).formParam("j_username", user)
                        .formParam("j_password", password).post("/j_security_check").getCookie("clickgive-console");
            });
            request = request.cookie("clickgive-console", cookie);
        }
        if (!method.equals("get")) {
            // With the caller's own form token, so what decides is the role, not a missing token.
            request = request.contentType("application/x-www-form-urlencoded").formParam("lang", "en");
            if (user != null) {
                request = request.formParam("csrf", csrf.token(user));
            }
        }
        return request.request(method.toUpperCase(), path).then().extract().statusCode();
    }

    private static int call(Caller caller, Map<Caller, String> users, String method, String path) {
        RequestSpecification request = given().auth().none();
        if (caller == Caller.ADMIN) {
            request = given();
        } else if (caller != Caller.ANONYMOUS) {
            request = given().auth().preemptive().basic(users.get(caller), Distribution.USER_PASSWORD);
        }
        return request.contentType(ContentType.JSON).body(method.equals("get") || method.equals("delete") ? "" : "{}")
                .request(method.toUpperCase(), path).then().extract().statusCode();
    }
}
