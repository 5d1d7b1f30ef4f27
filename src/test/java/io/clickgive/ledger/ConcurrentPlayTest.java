package io.clickgive.ledger;

import io.agroal.api.AgroalDataSource;
import io.clickgive.Fixtures;
import io.clickgive.Fixtures.Session;
import io.clickgive.Ledger;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Many players at once on one campaign: the ledger holds exactly the clicks the players were told were accepted. */
@QuarkusTest
class ConcurrentPlayTest {

    @Inject
    AgroalDataSource db;

    @Test
    void ledgerSumEqualsWhatParallelPlayersWereTold() throws Exception {
        String slug = Fixtures.liveCampaign("crowd");
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Integer>> players = new ArrayList<>();
        for (int p = 0; p < 64; p++) {
            int clicksPerBatch = 20 + p % 50; // some sessions hit the cap (150 by default)
            players.add(pool.submit(() -> {
                Session session = Fixtures.startSession(slug);
                int told = 0;
                for (int seq = 1; seq <= 3; seq++) {
                    told += Fixtures.sendBatch(session, seq, Fixtures.offsets((seq - 1) * 3300, clicksPerBatch, 40))
                            .then().statusCode(200).extract().<Integer>path("accepted");
                    // a retry after a lost answer must not count twice
                    Fixtures.sendBatch(session, seq, Fixtures.offsets((seq - 1) * 3300, clicksPerBatch, 40)).then().statusCode(200);
                }
                return told;
            }));
        }
        long told = 0;
        for (Future<Integer> player : players) {
            told += player.get();
        }
        pool.shutdown();

        Ledger ledger = new Ledger(db);
        assertEquals(told, ledger.awaitClicks(slug, told, Duration.ofSeconds(20)));
        assertEquals(0, ledger.duplicates(slug));
        assertEquals(0, ledger.sumsAdrift(slug), "running sums = counted rows");
        Fixtures.totals(slug).then().statusCode(200);
        assertEquals(told, (long) given().get("/api/campaigns/{slug}/totals", slug).then().extract().<Integer>path("clicks"));
        assertEquals(64, (int) given().get("/api/campaigns/{slug}/totals", slug).then().extract().<Integer>path("sessions"));
    }
}
