package io.clickgive.counters;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Lua scripts of src/main/resources/redis, loaded once and called by SHA; a Redis that forgot them
 * (restart, flush, a new cluster node) gets them again on the NOSCRIPT answer. Only the counters' own classes call
 * them, each script through one typed method.
 */
@ApplicationScoped
class Scripts {

    /** A script by its resource name and the SHA-1 Redis knows it by. */
    public record Script(String name, String source, String sha) {
    }

    /** Scripts' calls and answers: unknown answer fields are an error (a script and its record must agree). */
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ReactiveRedisDataSource reactive;
    private final RedisDataSource blocking;
    private final Map<String, Script> scripts = new ConcurrentHashMap<>();

    public Scripts(ReactiveRedisDataSource reactive, RedisDataSource blocking) {
        this.reactive = reactive;
        this.blocking = blocking;
    }

    void onStart(@Observes @Priority(5) StartupEvent event) {
        for (String name : List.of("grant", "batch", "mint", "snapshot", "release", "sign-in", "dead-letter", "purse", "quota")) {
            Script script = script(name);
            blocking.execute("SCRIPT", "LOAD", script.source());
        }
    }

    Script script(String name) {
        return scripts.computeIfAbsent(name, Scripts::read);
    }

    /** Runs a script on the reactive client: one round trip, two only when Redis has to learn the script again. */
    Uni<Response> run(Script script, List<String> keys, List<String> args) {
        return reactive.execute("EVALSHA", command(script.sha(), keys, args))
                .onFailure(Scripts::isNoScript)
                .recoverWithUni(() -> reactive.execute("EVAL", command(script.source(), keys, args)));
    }

    /**
     * Runs a script that takes one JSON argument and answers one JSON document: the call and the answer are records,
     * named field by field (each script documents them at its top), never positional strings.
     */
    <T> Uni<T> call(Script script, List<String> keys, Object call, Class<T> answer) {
        return run(script, keys, List.of(json(call))).map(response -> read(script, response.toString(), answer));
    }

    /** {@link #call} on the blocking client, for background work on worker threads. */
    <T> T callBlocking(Script script, List<String> keys, Object call, Class<T> answer) {
        return read(script, runBlocking(script, keys, List.of(json(call))).toString(), answer);
    }

    /** A script's call, or a part of one written ahead (session.ScriptConstants), as the scripts read it: JSON. */
    static String json(Object call) {
        try {
            return JSON.writeValueAsString(call);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a script's call: " + call, e);
        }
    }

    /** Reads a script's JSON answer as its record. */
    static <T> T read(Script script, String json, Class<T> answer) {
        try {
            return JSON.readValue(json, answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable answer of " + script.name() + ": " + json, e);
        }
    }

    /** Blocking variant for background work on worker threads (ledger, reconcile, imports). */
    Response runBlocking(Script script, List<String> keys, List<String> args) {
        try {
            return blocking.execute("EVALSHA", command(script.sha(), keys, args));
        } catch (RuntimeException e) {
            if (!isNoScript(e)) {
                throw e;
            }
            return blocking.execute("EVAL", command(script.source(), keys, args));
        }
    }

    private static boolean isNoScript(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("NOSCRIPT")) {
                return true;
            }
        }
        return false;
    }

    private static String[] command(String script, List<String> keys, List<String> args) {
        String[] command = new String[2 + keys.size() + args.size()];
        command[0] = script;
        command[1] = Integer.toString(keys.size());
        int i = 2;
        for (String key : keys) {
            command[i++] = key;
        }
        for (String arg : args) {
            command[i++] = arg;
        }
        return command;
    }

    private static Script read(String name) {
        String source = io.clickgive.common.Resources.text("redis/" + name + ".lua");
        try {
            byte[] sha = MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8));
            return new Script(name, source, HexFormat.of().formatHex(sha));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
