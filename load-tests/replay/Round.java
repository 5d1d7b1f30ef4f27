import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One session: its taps sent in order, a batch every 2 s and one at the end, each retried until the grace ends. */
final class Round {
    static final long BATCH_EVERY_MS = 2000;

    final Replay game;
    final Figures figures;
    final Player player;
    final String id;
    final String token;
    final long startLocalMs;  // when the session starts on this process's clock (ms since started)
    final long deadlineMs;    // end + the service's grace, on this process's clock
    final List<Integer> taps;
    int sent;
    int seq;

    Round(Player player, JsonObject grant, long receivedAtNanos) {
        this.game = player.game;
        this.figures = game.figures;
        this.player = player;
        this.id = grant.getString("sessionId");
        this.token = grant.getString("token");
        long granted = Instant.parse(grant.getString("grantedAt")).toEpochMilli();
        long starts = Instant.parse(grant.getString("startsAt")).toEpochMilli();
        long ends = Instant.parse(grant.getString("endsAt")).toEpochMilli();
        this.startLocalMs = (receivedAtNanos - game.started) / 1_000_000 + (starts - granted);
        this.deadlineMs = startLocalMs + (ends - starts) + 5_000 - 500; // the default grace, less a margin
        this.taps = player.taps((int) (ends - starts), grant.getInteger("maxClicks"));
        figures.tapsPlanned.addAndGet(taps.size());
    }

    void begin() {
        game.roundsInFlight.incrementAndGet();
        if (taps.isEmpty()) {
            game.roundsInFlight.decrementAndGet();
            return;
        }
        game.vertx.setTimer(Math.max(1, startLocalMs + BATCH_EVERY_MS - game.now()), id -> next());
    }

    /** Sends the taps made so far (all of them once the session is over), then schedules the next batch. */
    void next() {
        long elapsed = game.now() - startLocalMs;
        int upTo = sent;
        while (upTo < taps.size() && taps.get(upTo) <= elapsed) {
            upTo++;
        }
        boolean last = upTo == taps.size();
        if (upTo == sent) {
            game.vertx.setTimer(BATCH_EVERY_MS, id -> next()); // no new tap in these 2 s (a long pause)
            return;
        }
        List<Integer> offsets = taps.subList(sent, upTo);
        int batchSeq = ++seq;
        sent = upTo;
        JsonObject body = new JsonObject().put("token", token).put("seq", batchSeq).put("offsets", new JsonArray(new ArrayList<>(offsets)));
        send(body, offsets.size(), 0).onComplete(done -> {
            if (last) {
                game.roundsInFlight.decrementAndGet();
            } else {
                long wait = startLocalMs + (long) (batchSeq + 1) * BATCH_EVERY_MS - game.now();
                game.vertx.setTimer(Math.max(1, wait), id -> next());
            }
        });
    }

    Future<Void> send(JsonObject body, int clicks, int attempt) {
        return game.api.post("/api/sessions/" + id + "/batches", body, player, figures.batchLatency).compose(answer -> {
            if (answer.status() == 200) {
                figures.batches.incrementAndGet();
                int accepted = answer.body().getInteger("accepted");
                figures.acknowledged.addAndGet(accepted);
                if (game.acks != null && accepted > 0) {
                    game.acks.println(id + "," + body.getInteger("seq") + "," + accepted);
                }
                int refused = answer.body().getInteger("rejected");
                if (refused > 0) {
                    figures.rejected.addAndGet(refused);
                    figures.reason(String.valueOf(answer.body().getString("reason")), refused);
                }
                return Future.succeededFuture();
            }
            if (answer.status() < 500) { // refused as a whole: nothing to retry
                figures.rejected.addAndGet(clicks);
                figures.reason("HTTP_" + answer.status(), clicks);
                return Future.succeededFuture();
            }
            figures.errors.incrementAndGet();
            return retry(body, clicks, attempt);
        }, failure -> {
            figures.errors.incrementAndGet();
            return retry(body, clicks, attempt);
        });
    }

    Future<Void> retry(JsonObject body, int clicks, int attempt) {
        long backoff = (long) (500 * Math.pow(2, Math.min(attempt, 3)) * (0.8 + 0.4 * player.random.nextDouble()));
        if (game.now() + backoff > deadlineMs) {
            figures.undelivered.addAndGet(clicks);
            return Future.succeededFuture();
        }
        figures.retries.incrementAndGet();
        Promise<Void> done = Promise.promise();
        game.vertx.setTimer(backoff, id -> send(body, clicks, attempt + 1).onComplete(done));
        return done.future();
    }
}
