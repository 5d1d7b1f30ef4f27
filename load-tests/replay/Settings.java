import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The players' arguments, key=value each:
 *   base (http://127.0.0.1:8090; several, comma-separated, stand for instances behind a load balancer: a player sticks
 *   to one and moves to the next when its connection fails) slug (required) clicks (40000000: taps to play, in all) players (12000: at most this
 *   many playing at once) connections (256) rounds (3: rounds per player on average before a new one takes its place)
 *   seconds (0: stop starting sessions after this long; 0 = when the taps are played) out (directory for replay.csv)
 *   seed (random) acks (a file: every acknowledged batch as "session,seq,accepted", for the drills' ledger check)
 *   redis (redis-cli's connection arguments for the sampler: -h 127.0.0.1 -p 6379 -n 0) campaign (0: its id, for the
 *   ledger lag) shards (8) apppid (the app's pid, for its RSS; none: 0)
 */
record Settings(List<String> bases, String slug, long clickTarget, int maxPlayers, int connections, int rounds,
                long seconds, Path out, Path acks, long seed, String redis, String campaign, String shards,
                String appPid) {

    static Settings parse(String[] argv) {
        Map<String, String> args = new TreeMap<>();
        for (String arg : argv) {
            int eq = arg.indexOf('=');
            args.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        return new Settings(
                List.of(args.getOrDefault("base", "http://127.0.0.1:8090").split(",")),
                require(args, "slug"),
                Long.parseLong(args.getOrDefault("clicks", "40000000")),
                Integer.parseInt(args.getOrDefault("players", "12000")),
                Integer.parseInt(args.getOrDefault("connections", "256")),
                Integer.parseInt(args.getOrDefault("rounds", "3")),
                Long.parseLong(args.getOrDefault("seconds", "0")),
                Path.of(args.getOrDefault("out", ".")),
                args.containsKey("acks") ? Path.of(args.get("acks")) : null,
                Long.parseLong(args.getOrDefault("seed", Long.toString(System.nanoTime()))),
                args.getOrDefault("redis", "-h 127.0.0.1 -p 6379 -n 0"),
                args.getOrDefault("campaign", "0"),
                args.getOrDefault("shards", "8"),
                args.getOrDefault("apppid", ""));
    }

    static String require(Map<String, String> args, String key) {
        String value = args.get(key);
        if (value == null) {
            throw new IllegalArgumentException("missing " + key + "=...");
        }
        return value;
    }
}
