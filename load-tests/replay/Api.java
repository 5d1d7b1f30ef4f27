import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** The public API as the page speaks it: JSON POSTs through the player's network, and the proof of work. */
final class Api {

    record Answer(int status, JsonObject body, long receivedAt) {
    }

    final List<HttpClient> instances = new ArrayList<>();

    Api(Vertx vertx, List<String> bases, int connections) {
        for (String url : bases) {
            URI base = URI.create(url.strip());
            instances.add(vertx.createHttpClient(new HttpClientOptions().setDefaultHost(base.getHost())
                            .setDefaultPort(base.getPort()).setKeepAlive(true).setConnectTimeout(5000).setIdleTimeout(30),
                    new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1)));
        }
    }

    int instances() {
        return instances.size();
    }

    Future<Answer> post(String path, JsonObject body, Player player, Histogram latency) {
        long sentAt = System.nanoTime();
        Buffer payload = body.toBuffer();
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setURI(path).setTimeout(10_000)
                .putHeader("Content-Type", "application/json")
                .putHeader("X-Forwarded-For", player.network);
        HttpClient http = instances.get(player.instance);
        return http.request(options).compose(request -> request.send(payload)).onFailure(e -> {
            player.instance = (player.instance + 1) % instances.size(); // the balancer takes it elsewhere
        }).compose(response -> response.body()
                .map(buffer -> {
                    long at = System.nanoTime();
                    latency.record((at - sentAt) / 1000);
                    JsonObject json = buffer.length() > 0 && buffer.getByte(0) == '{' ? buffer.toJsonObject() : new JsonObject();
                    return new Answer(response.statusCode(), json, at);
                }));
    }

    static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    });

    /** The page's proof of work: the number whose SHA-256(salt + number) is the challenge. */
    static JsonObject solve(JsonObject c) {
        String salt = c.getString("salt");
        String target = c.getString("challenge");
        long max = c.getLong("maxNumber");
        for (long n = 0; n <= Math.max(max, 1); n++) {
            if (HexFormat.of().formatHex(SHA256.get().digest((salt + n).getBytes(StandardCharsets.UTF_8))).equals(target)) {
                return new JsonObject().put("salt", salt).put("number", n).put("signature", c.getString("signature"));
            }
        }
        return new JsonObject().put("salt", salt).put("number", 0).put("signature", c.getString("signature"));
    }
}
