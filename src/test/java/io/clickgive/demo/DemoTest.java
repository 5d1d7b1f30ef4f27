package io.clickgive.demo;

import io.clickgive.Fixtures;
import io.clickgive.allocation.AllocationService;
import io.clickgive.beneficiary.BeneficiaryKind;
import io.clickgive.beneficiary.BeneficiaryService;
import io.clickgive.distribution.DistributorService;
import io.clickgive.distribution.TabletService;
import io.clickgive.distribution.TabletStatus;
import io.clickgive.distribution.TabletView;
import io.clickgive.ledger.DemoLedger;
import io.clickgive.request.RequestService;
import io.clickgive.request.RequestStep;
import io.clickgive.request.RequestView;
import io.clickgive.security.UserService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo a newcomer meets: everything the issue lists is there, its figures agree with the ledger and the live
 * counters, its users can sign in, and loading it again changes nothing.
 */
@QuarkusTest
class DemoTest {

    @Inject
    DemoLoader demo;
    @Inject
    BeneficiaryService beneficiaries;
    @Inject
    RequestService requests;
    @Inject
    TabletService tablets;
    @Inject
    DistributorService distributors;
    @Inject
    UserService users;
    @Inject
    AllocationService allocation;

    @Test
    void loadsEverythingOnceAndAgainChangesNothing() {
        demo.load();

        // Two editions: the live one with its three names, the closed one with its likes converted.
        given().get("/?lang=fr").then().statusCode(200)
                .body(containsString("Ramadan solidaire"))
                .body(containsString("href=\"/c/" + DemoLoader.LIVE + "?lang=fr\""))
                .body(containsString("data-slug=\"" + DemoLoader.CLOSED + "\""));
        given().get("/?lang=ar").then().body(containsString("رمضان التضامن"));
        given().get("/?lang=en").then().body(containsString("Ramadan of Giving"));
        long clicks = DemoRounds.rounds(DemoLoader.LIVE, DemoLoader.SESSIONS, 48, Instant.now(), java.util.Map.of()).stream()
                .mapToLong(DemoLedger.PlayedBatch::clicks).sum();
        Response live = Fixtures.totals(DemoLoader.LIVE);
        assertEquals(clicks, live.jsonPath().getLong("clicks"), "the live counters were reconciled to the ledger");
        assertTrue(clicks > 50_000, "a few thousand rounds: " + clicks + " clicks");
        assertTrue(live.jsonPath().getList("regions").size() >= 10, "donations across the regions");
        given().get("/api/manage/campaigns/{slug}/report", DemoLoader.LIVE).then().statusCode(200)
                .body("total.donatedMegabytes", org.hamcrest.Matchers.equalTo((int) (clicks * 10)))
                .body("total.tabletsDelivered", org.hamcrest.Matchers.equalTo(5))
                .body("total.tabletsDeliveredWithProof", org.hamcrest.Matchers.equalTo(2));
        assertEquals(4000, Fixtures.totals(DemoLoader.CLOSED).jsonPath().getLong("likes"));
        // Five teams whose members' rounds count for them, and tonight's matching hour announced on the page.
        given().get("/api/campaigns/{slug}/teams", DemoLoader.LIVE).then().statusCode(200)
                .body("size()", org.hamcrest.Matchers.equalTo(5))
                .body("[4].megabytes", org.hamcrest.Matchers.greaterThan(10_000))
                .body("[0].members", org.hamcrest.Matchers.equalTo(100));
        given().get("/api/manage/campaigns/{slug}/matching", DemoLoader.LIVE).then()
                .body("state", org.hamcrest.Matchers.contains("COMING")).body("[0].rate", org.hamcrest.Matchers.equalTo(2));
        given().get("/c/{slug}?lang=fr", DemoLoader.LIVE).then().body(org.hamcrest.Matchers.containsString("chaque clic comptera ×2"));

        // Beneficiaries of every kind across several regions; the village programme in two phases.
        for (BeneficiaryKind kind : BeneficiaryKind.values()) {
            assertFalse(beneficiaries.list(null, kind).stream().filter(b -> demoCode(b.code())).toList().isEmpty(),
                    "a beneficiary of kind " + kind);
        }
        assertTrue(beneficiaries.list(null, null).stream().filter(b -> demoCode(b.code()))
                .map(b -> b.region()).distinct().count() >= 6);
        assertEquals(Set.of(1, 2), beneficiaries.list(null, BeneficiaryKind.CONNECTIVITY_SITE).stream()
                .filter(b -> b.code().startsWith("site-")).map(b -> b.phase()).collect(Collectors.toSet()));

        // Requests in every step, a correction among them; one allocation committed.
        List<RequestView> asked = fresh(() -> requests.list(DemoLoader.LIVE, null));
        for (RequestStep step : RequestStep.values()) {
            assertTrue(asked.stream().anyMatch(r -> r.status() == step), "a request " + step);
        }
        assertTrue(asked.stream().flatMap(r -> r.steps().stream()).anyMatch(s -> s.corrects() != null));
        // Nine tablet bundles, and this month's bundle of each installed douar's router SIM.
        assertEquals(9L * DemoField.BUNDLE_MB + (long) DemoSites.SIMS.size() * DemoSites.MONTHLY_MEGABYTES,
                allocation.pool(DemoLoader.LIVE).allocatedMegabytes());

        // Tablets in every state; two distributors with their users.
        List<TabletView> demoTablets = fresh(() -> tablets.list(null, null).stream()
                .filter(t -> t.serial().startsWith("DEMO-")).toList());
        assertEquals(40, demoTablets.size());
        for (TabletStatus status : TabletStatus.values()) {
            assertTrue(demoTablets.stream().anyMatch(t -> t.status() == status), "a tablet " + status + " in "
                    + demoTablets.stream().map(t -> t.serial() + ":" + t.status()).toList());
        }
        given().auth().preemptive().basic("manager", "dev-manager-password")
                .get("/api/manage/campaigns").then().statusCode(200);
        given().auth().preemptive().basic("atlas", "dev-atlas-password")
                .get("/api/distribute/{d}/tablets", DemoField.ATLAS).then().statusCode(200)
                .body("serial", org.hamcrest.Matchers.hasItems("DEMO-T001", "DEMO-T006"))
                .body("serial", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("DEMO-T004")));

        // The village programme: two phases, douars at every step from a survey to live and in maintenance.
        given().get("/api/manage/sites/report").then().statusCode(200)
                .body("phases.find { it.number == 1 }.installed", org.hamcrest.Matchers.equalTo(2))
                .body("phases.find { it.number == 2 }.installed", org.hamcrest.Matchers.equalTo(2));
        assertEquals(Set.of("LIVE", "INSTALLED", "MAINTENANCE", "APPROVED", "SURVEYED"),
                given().get("/api/manage/sites").then().extract().<List<String>>path("status").stream()
                        .collect(Collectors.toSet()));

        // The public transparency page tells the programme: installations per phase and per province.
        given().get("/c/{slug}/report?lang=fr", DemoLoader.LIVE).then().statusCode(200)
                .body(containsString("Douars connectés")).body(containsString("Phase 1 — écoles temporaires"))
                .body(containsString("Al Haouz"));

        // The call for projects: applications at every step, the accepted one a beneficiary.
        assertEquals(Set.of("SUBMITTED", "MORE_ASKED", "ACCEPTED", "DECLINED"),
                given().get("/api/manage/campaigns/{slug}/call/applications", DemoLoader.LIVE).then().statusCode(200)
                        .extract().<List<String>>path("status").stream().collect(Collectors.toSet()));
        given().get("/c/{slug}/apply?lang=ar", DemoLoader.LIVE).then().statusCode(200)
                .body(containsString("Appel 2027"));

        List<String> before = fresh(this::snapshot);
        demo.load();
        assertEquals(before, fresh(this::snapshot), "a second load changes nothing");
    }

    /**
     * Read in a transaction of its own: outside one, the test method's request-scoped session would answer with the
     * entities it loaded before the demo's services changed them in theirs.
     */
    private static <T> T fresh(java.util.concurrent.Callable<T> read) {
        return QuarkusTransaction.requiringNew().call(read);
    }

    private static boolean demoCode(String code) {
        return code.startsWith("assoc-") || code.startsWith("coop-") || code.startsWith("ecole-")
                || code.startsWith("lycee-") || code.startsWith("site-");
    }

    /** Everything the demo writes, as lines to compare. */
    private List<String> snapshot() {
        List<String> lines = new ArrayList<>();
        for (String slug : List.of(DemoLoader.LIVE, DemoLoader.CLOSED)) {
            Response totals = Fixtures.totals(slug);
            lines.add(slug + " clicks " + totals.jsonPath().getLong("clicks") + " likes "
                    + totals.jsonPath().getLong("likes") + " sessions " + totals.jsonPath().getLong("sessions"));
            lines.add(slug + " pool " + allocation.pool(slug).allocatedMegabytes() + "/"
                    + allocation.pool(slug).donatedMegabytes());
            requests.list(slug, null).forEach(r -> lines.add("request " + r.id() + " " + r.status() + " "
                    + r.steps().size()));
        }
        beneficiaries.list(null, null).forEach(b -> lines.add("beneficiary " + b.code()));
        distributors.list().forEach(d -> lines.add("distributor " + d.code() + " " + d.regions()));
        users.list().forEach(u -> lines.add("user " + u.username()));
        given().get("/api/manage/sites").then().extract().<List<Map<String, Object>>>path("$")
                .forEach(site -> lines.add("site " + site.get("code") + " " + site.get("status")));
        given().get("/api/manage/campaigns/{slug}/site-plans", DemoLoader.LIVE).then().extract()
                .<List<Map<String, Object>>>path("$").forEach(p -> lines.add("site plan " + p.get("site") + " "
                        + ((List<?>) p.get("issued")).size()));
        lines.add("site events " + given().get("/api/manage/sites/report").then().extract().path("installed"));
        given().get("/api/manage/teams?campaign={slug}", DemoLoader.LIVE).then().extract()
                .<List<Map<String, Object>>>path("$").forEach(t -> lines.add("team " + t.get("name") + " "
                        + t.get("members") + " " + t.get("clicks")));
        lines.add("matching " + given().get("/api/manage/campaigns/{slug}/matching", DemoLoader.LIVE).then().extract()
                .path("size()"));
        given().get("/api/manage/campaigns/{slug}/call/applications", DemoLoader.LIVE).then().extract()
                .<List<Map<String, Object>>>path("$").forEach(a -> lines.add("application " + a.get("organisation")
                        + " " + a.get("status") + " " + ((List<?>) a.get("steps")).size()));
        tablets.list(null, null).stream().filter(t -> t.serial().startsWith("DEMO-")).forEach(t -> lines.add(
                "tablet " + t.serial() + " " + t.status() + " " + tablets.get(t.serial()).history().size()));
        return lines;
    }
}
