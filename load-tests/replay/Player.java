import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One person at the page: a network of its own, an identity minted at its first visit, a tapping speed, and 1 to
 * 2 × rounds - 1 rounds one every 16.5 s (each a {@link Round}), after which it leaves and a new player takes its place.
 */
final class Player {
    static final String[] REGIONS = {"MA-01", "MA-02", "MA-03", "MA-04", "MA-05", "MA-06", "MA-07", "MA-08", "MA-09",
            "MA-10", "MA-11", "MA-12"};
    static final long ROUND_EVERY_MS = 16_500; // a player's next round: the guard's default one session per 16 s

    final Replay game;
    final SplittableRandom random;
    String identity;          // server-issued at the first round (minted from its network), kept after
    final String network;     // its carrier-grade NAT address, as the service's proxy would forward it
    final double rate;        // taps a second this person manages when fresh
    int instance;             // the instance the load balancer sends this player to
    int roundsLeft;
    boolean established;      // the last grant brought no puzzle: the next session needs no proof

    Player(Replay game, SplittableRandom random) {
        this.game = game;
        this.random = random;
        this.network = "100." + (64 + random.nextInt(64)) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
        this.rate = 5 + random.nextDouble() * 8;
        this.instance = random.nextInt(game.api.instances());
        // 1 to 2 × rounds - 1 rounds (on average "rounds"), so players who came together do not leave together.
        this.roundsLeft = 1 + random.nextInt(2 * game.settings.rounds() - 1);
    }

    void play(JsonObject challenge) {
        Figures figures = game.figures;
        String slug = game.settings.slug();
        if (game.stopping || roundsLeft-- == 0 || figures.tapsPlanned.get() >= game.settings.clickTarget()) {
            leave();
            return;
        }
        Future<String> minted = identity != null ? Future.succeededFuture(identity) : mint();
        // An established player (its last grant brought no puzzle) goes without a proof, as the page does.
        Future<JsonObject> puzzle = established ? minted.map(i -> (JsonObject) null)
                : challenge != null ? minted.map(i -> challenge)
                : minted.compose(i -> game.api.post("/api/campaigns/" + slug + "/challenges",
                new JsonObject().put("identity", i), this, figures.challengeLatency)).map(r -> {
                    figures.challenges.incrementAndGet();
                    return r.body();
                });
        puzzle.compose(c -> game.api.post("/api/campaigns/" + slug + "/sessions", new JsonObject()
                        .put("identity", identity).put("region", REGIONS[random.nextInt(REGIONS.length)])
                        .put("proof", c == null ? null : Api.solve(c)), this, figures.sessionLatency))
                .onSuccess(answer -> {
                    if (answer.status() != 201) {
                        figures.sessionsRefused.incrementAndGet();
                        established = false;
                        game.vertx.setTimer(ROUND_EVERY_MS, id -> play(null));
                        return;
                    }
                    figures.sessions.incrementAndGet();
                    new Round(this, answer.body(), answer.receivedAt()).begin();
                    // The guard grants a player one session per 16 s, counted from this grant.
                    long next = ROUND_EVERY_MS - (System.nanoTime() - answer.receivedAt()) / 1_000_000;
                    JsonObject nextPuzzle = answer.body().getJsonObject("next");
                    established = nextPuzzle == null;
                    game.vertx.setTimer(Math.max(1, next), id -> play(nextPuzzle));
                })
                .onFailure(e -> {
                    figures.errors.incrementAndGet();
                    game.vertx.setTimer(2000 + random.nextInt(2000), id -> play(null));
                });
    }

    /** A phone's first visit: the mint puzzle of its network, solved, paid for with an identity. */
    Future<String> mint() {
        Histogram latency = game.figures.challengeLatency;
        return game.api.post("/api/identities/challenges", new JsonObject(), this, latency)
                .compose(c -> game.api.post("/api/identities", new JsonObject().put("proof", Api.solve(c.body())), this,
                        latency))
                .map(answer -> {
                    if (answer.status() != 201) {
                        throw new IllegalStateException("minting answered " + answer.status());
                    }
                    identity = answer.body().getString("identity");
                    return identity;
                });
    }

    void leave() {
        game.playing.decrementAndGet();
        game.topUp();
    }

    /** Human taps over the session: uneven intervals, a little faster at first, tiring later, short pauses. */
    List<Integer> taps(int lengthMs, int cap) {
        List<Integer> offsets = new ArrayList<>();
        double t = 150 + random.nextDouble() * 500; // reaction time
        while (t < lengthMs && offsets.size() < cap) {
            int offset = (int) (Math.round(t / 8) * 8); // a phone's timer granularity
            if (offsets.isEmpty() || offset > offsets.get(offsets.size() - 1)) {
                offsets.add(offset);
            }
            double fatigue = 1 + 0.35 * t / lengthMs;
            double interval = 1000 / rate * fatigue * (0.6 + 0.8 * random.nextDouble());
            if (random.nextInt(40) == 0) {
                interval += 200 + random.nextInt(500); // a pause
            }
            t += Math.max(60, interval);
        }
        return offsets;
    }
}
