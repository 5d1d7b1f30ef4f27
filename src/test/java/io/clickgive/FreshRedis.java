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

    @Override
    public Map<String, String> start() {
        try (Socket socket = new Socket("127.0.0.1", 6379)) {
            OutputStream out = socket.getOutputStream();
            out.write("SELECT 1\r\nFLUSHDB\r\n".getBytes(StandardCharsets.US_ASCII));
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
            throw new IllegalStateException("Redis is not reachable on 127.0.0.1:6379", e);
        }
        return Map.of();
    }

    @Override
    public void stop() {
    }
}
