package io.clickgive;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The test profile starts from an empty ledger (Flyway cleans the test database), so the test Redis database must be
 * emptied too: counters of an earlier run would otherwise belong to the new campaigns that reuse their ids.
 */
@QuarkusTestResource(FreshRedis.class)
public class FreshRedis implements QuarkusTestResourceLifecycleManager {

    /** The test profile's Redis (application.properties: {@code %test.quarkus.redis.hosts}), and only that one. */
    static java.net.URI testRedis() {
        String configured = System.getenv().getOrDefault("TEST_REDIS_URL", "redis://127.0.0.1:6379/1");
        return java.net.URI.create(configured);
    }

    @Override
    public Map<String, String> start() {
        java.net.URI redis = testRedis();
        String path = redis.getPath() == null ? "" : redis.getPath().replace("/", "");
        int database = path.isEmpty() ? 0 : Integer.parseInt(path);
        try (Socket socket = new Socket(redis.getHost(), redis.getPort() < 0 ? 6379 : redis.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("SELECT " + database + "\r\nFLUSHDB\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] answer = new byte[10];
            int read = 0;
            while (read < answer.length) {
                int n = in.read(answer, read, answer.length - read);
                if (n < 0) {
                    break;
                }
                read += n;
            }
            String reply = new String(answer, 0, read, StandardCharsets.US_ASCII);
            if (!reply.equals("+OK\r\n+OK\r\n")) {
                throw new IllegalStateException("Could not empty the test Redis database: " + reply);
            }
        } catch (IOException e) {
            throw new IllegalStateException("The test Redis is not reachable at " + redis, e);
        }
        return Map.of();
    }

    @Override
    public void stop() {
    }
}
