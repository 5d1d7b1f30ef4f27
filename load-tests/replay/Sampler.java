import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Once a second, off the event loop: how late the ledger is (age of the oldest entry in the campaign's ledger
 * streams), Redis's memory, the app's resident memory. Read with redis-cli and ps, as an operator would.
 */
final class Sampler extends Thread {
    record Sample(long ledgerLagMs, long redisBytes, long appRssKb) {
    }

    static final String LAG = "local t = redis.call('TIME') local now = t[1] * 1000 + math.floor(t[2] / 1000) "
            + "local oldest for s = 0, tonumber(ARGV[2]) - 1 do local e = redis.call('XRANGE', 'cg:{c' .. ARGV[1] "
            + ".. '.s' .. s .. '}:ledger', '-', '+', 'COUNT', 1) if #e > 0 then local ms = tonumber(string.match("
            + "e[1][1], '^(%d+)')) if not oldest or ms < oldest then oldest = ms end end end "
            + "if not oldest then return 0 end return now - oldest";
    final List<String> redis;
    final String campaign;
    final String shards;
    final String appPid;
    volatile Sample latest = new Sample(0, 0, 0);

    Sampler(String redis, String campaign, String shards, String appPid) {
        this.redis = List.of(redis.split(" "));
        this.campaign = campaign;
        this.shards = shards;
        this.appPid = appPid;
        setDaemon(true);
    }

    @Override
    public void run() {
        while (!isInterrupted()) {
            try {
                long lag = Long.parseLong(command(List.of("EVAL", LAG, "0", campaign, shards), true).trim());
                long bytes = command(List.of("INFO", "memory"), true).lines().filter(l -> l.startsWith("used_memory:"))
                        .mapToLong(l -> Long.parseLong(l.substring(12).trim())).findFirst().orElse(0);
                long rss = appPid.isEmpty() ? 0 : Long.parseLong("0" + command(List.of("ps", "-o", "rss=", "-p", appPid),
                        false).trim());
                latest = new Sample(lag, bytes, rss);
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                // a sample missed (the app or Redis restarting in a drill): keep the last one
            }
        }
    }

    String command(List<String> args, boolean redisCli) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (redisCli) {
            command.add("redis-cli");
            command.addAll(redis);
        }
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return output;
    }
}
