package io.clickgive.page;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The page's script types the API from {@code frontend/openapi.json} (openapi-typescript generates them at each build),
 * so that file must be the document the service serves: any change to the API shows here first, and a change the
 * page's code does not follow then breaks the page's build, not a player's round.
 */
@QuarkusTest
class OpenApiContractTest {

    private static final Path KEPT = Path.of("frontend/openapi.json");
    private static final Path SERVED = Path.of("target/openapi.json");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    @TestHTTPResource(value = "openapi?format=json", management = true)
    URL openapi;

    @Test
    void thePagesTypesComeFromTheDocumentTheServiceServes() throws IOException {
        JsonNode served;
        try (InputStream in = openapi.openStream()) {
            served = JSON.readTree(in);
        }
        // Written out on every run, so refreshing the kept copy is one cp (the message says which).
        Files.createDirectories(SERVED.getParent());
        JSON.writeValue(SERVED.toFile(), JSON.treeToValue(served, Object.class));
        assertTrue(Files.exists(KEPT), "frontend/openapi.json is missing: cp " + SERVED + " " + KEPT);
        JsonNode kept = JSON.readTree(KEPT.toFile());
        assertEquals(kept, served, "The API's document changed: review it, cp " + SERVED + " " + KEPT
                + ", and let the page's build (npm run build in frontend/) say what its script must follow");
    }

    @Test
    void theGrantAndTheBatchAnswerAreTypedWithWhatThePageReads() throws IOException {
        JsonNode served;
        try (InputStream in = openapi.openStream()) {
            served = JSON.readTree(in);
        }
        JsonNode schemas = served.path("components").path("schemas");
        for (String field : new String[]{"sessionId", "token", "grantedAt", "startsAt", "endsAt", "acceptsUntil",
                "maxClicks", "megabytesPerClick", "next"}) {
            assertTrue(schemas.path("SessionGrant").path("properties").has(field), "SessionGrant." + field);
        }
        assertTrue(schemas.path("BatchResult").path("properties").has("rejections"), "BatchResult.rejections");
        String grant = served.path("paths").path("/api/campaigns/{slug}/sessions").path("post").path("responses")
                .path("201").path("content").path("application/json").path("schema").path("$ref").asText();
        assertEquals("#/components/schemas/SessionGrant", grant);
    }
}
