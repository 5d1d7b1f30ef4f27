package io.clickgive.totals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clickgive.Fixtures;
import io.clickgive.Fixtures.Session;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class TotalsResourceTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void totalsAreInTheCampaignsGigabyteConvention() {
        Map<String, Object> draft = new HashMap<>(Fixtures.draft(Fixtures.uniqueSlug("binary")));
        draft.put("megabytesPerGigabyte", 1024);
        draft.put("goalGigabytes", 1);
        String slug = Fixtures.liveCampaign(draft);
        Session session = Fixtures.startSession(slug, Map.of("region", "MA-09"));
        Fixtures.sendBatch(session, 1, Fixtures.offsets(0, 64, 100)).then().statusCode(200)
                .body("campaign.gigabyteConvention", equalTo("1 GB = 1024 MB"));
        Fixtures.totals(slug).then()
                .body("clicks", equalTo(64)).body("megabytes", equalTo(640))
                .body("gigabytes", equalTo(0.625f)).body("gigabyteConvention", equalTo("1 GB = 1024 MB"))
                .body("percentOfGoal", equalTo(62.5f))
                .body("participants", equalTo(1)).body("sessions", equalTo(1))
                .body("regions.size()", equalTo(1)).body("regions[0].code", equalTo("MA-09"))
                .body("regions[0].gigabytes", equalTo(0.625f));
    }

    @Test
    void participantsAreCountedOncePerPlayer() {
        String slug = Fixtures.liveCampaign("players");
        List<String> identities = List.of(Fixtures.mintIdentity(Fixtures.randomAddress()),
                Fixtures.mintIdentity(Fixtures.randomAddress()));
        for (int i = 0; i < 6; i++) {
            Fixtures.startSession(slug, Map.of("identity", identities.get(i % 2)));
        }
        Fixtures.totals(slug).then().body("sessions", equalTo(6)).body("participants", equalTo(2));
    }

    @Test
    void unknownCampaignHasNoTotals() {
        given().get("/api/campaigns/{slug}/totals", "no-such-campaign").then().statusCode(404);
        given().get("/api/campaigns/{slug}/totals/stream", "no-such-campaign").then().statusCode(404);
    }

    @Test
    void streamSendsTheTotalsAsTheyGrow() throws Exception {
        String slug = Fixtures.liveCampaign("stream");
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(root + "api/campaigns/" + slug + "/totals/stream"))
                .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(20)).build();
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        ObjectMapper json = new ObjectMapper();
        try (BufferedReader events = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            JsonNode first = json.readTree(nextData(events));
            assertEquals(0, first.get("clicks").asLong());
            Session session = Fixtures.startSession(slug);
            Fixtures.sendBatch(session, 1, Fixtures.offsets(0, 42, 100)).then().statusCode(200);
            long clicks = 0;
            for (int i = 0; i < 6 && clicks != 42; i++) {
                clicks = json.readTree(nextData(events)).get("clicks").asLong();
            }
            assertEquals(42, clicks);
        }
        // The last watcher left; a new one gets the stream running again.
        HttpResponse<InputStream> again = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (BufferedReader events = new BufferedReader(new InputStreamReader(again.body(), StandardCharsets.UTF_8))) {
            assertEquals(42, json.readTree(nextData(events)).get("clicks").asLong());
        }
    }

    private static String nextData(BufferedReader events) throws java.io.IOException {
        for (String line = events.readLine(); line != null; line = events.readLine()) {
            if (line.startsWith("data:")) {
                return line.substring(5).trim();
            }
        }
        throw new AssertionError("The stream ended");
    }
}
