package io.clickgive.web;

import java.util.List;

/** A request the service refuses: it carries the HTTP status and a message for the client, and maps to a problem response. */
public class ClientError extends RuntimeException {

    private final int status;
    private final String title;
    private final long retryAfterSeconds;
    private final String reason;
    private final String code;
    private final List<String> problems;

    public ClientError(int status, String title, String detail) {
        this(status, title, detail, 0, null, null, null);
    }

    private ClientError(int status, String title, String detail, long retryAfterSeconds, String reason, String code,
                        List<String> problems) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.retryAfterSeconds = retryAfterSeconds;
        this.reason = reason;
        this.code = code;
        this.problems = problems == null ? null : List.copyOf(problems);
    }

    /** One line per item refused, for a request about many items (a bulk transition); null otherwise. */
    public List<String> problems() {
        return problems;
    }

    /** The public word for a guard's refusal (WAIT, PUZZLE…), or null: what the client is told. */
    public String reason() {
        return reason;
    }

    /** The guard's precise reason code (PLAYER_RATE, POW_REUSED…), or null: for managers and metrics, never sent. */
    public String code() {
        return code;
    }

    /** Seconds the client should wait before trying again; 0 when not a rate limit. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public static ClientError badRequest(String detail) {
        return new ClientError(400, "Bad request", detail);
    }

    public static ClientError notFound(String detail) {
        return new ClientError(404, "Not found", detail);
    }

    public static ClientError forbidden(String detail) {
        return new ClientError(403, "Forbidden", detail);
    }

    public static ClientError conflict(String detail) {
        return new ClientError(409, "Conflict", detail);
    }

    public static ClientError unauthorized(String detail) {
        return new ClientError(401, "Unauthorized", detail);
    }

    /** A request with several things wrong: each problem names its field and what is wrong; nothing was stored. */
    public static ClientError badRequest(String detail, List<String> problems) {
        return new ClientError(400, "Bad request", detail, 0, null, null, problems);
    }

    /** A conflict over several items: nothing was changed; each problem names an item and what stands in its way. */
    public static ClientError conflict(String detail, List<String> problems) {
        return new ClientError(409, "Conflict", detail, 0, null, null, problems);
    }

    /** A rate limit: the public word, the precise code, and how long to wait. */
    public static ClientError tooManyRequests(String word, String code, String detail, long retryAfterMillis) {
        return new ClientError(429, "Too many requests", detail, Math.max(1, (retryAfterMillis + 999) / 1000), word,
                code, null);
    }

    /** A refusal by the guard: the public word and the precise code. */
    public static ClientError refused(int status, String word, String code, String detail) {
        String title = switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Unauthorized";
            case 409 -> "Conflict";
            default -> "Forbidden";
        };
        return new ClientError(status, title, detail, 0, word, code, null);
    }

    /** The service sheds load or waits on something it needs: try again after the given seconds. */
    public static ClientError unavailable(String detail, long retryAfterSeconds) {
        return new ClientError(503, "Service unavailable", detail, Math.max(1, retryAfterSeconds), null, null, null);
    }

    public static ClientError gone(String detail) {
        return new ClientError(410, "Gone", detail);
    }
}
