package io.clickgive.common;

/** A request the service refuses: it carries the HTTP status and a message for the client, and maps to a problem response. */
public class ClientError extends RuntimeException {

    private final int status;
    private final String title;

    public ClientError(int status, String title, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
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

    public static ClientError conflict(String detail) {
        return new ClientError(409, "Conflict", detail);
    }

    public static ClientError unauthorized(String detail) {
        return new ClientError(401, "Unauthorized", detail);
    }

    public static ClientError gone(String detail) {
        return new ClientError(410, "Gone", detail);
    }
}
