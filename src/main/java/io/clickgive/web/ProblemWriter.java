package io.clickgive.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

/**
 * The one writer of refusals: every refused request, whether a resource refused it (through {@link ProblemMapper}) or
 * a route handler before any resource (body limits, the sign-in throttle, the HTTP permission rules), answers with the
 * same RFC 9457 document: {@code application/problem+json}, type, title, status, detail (and Retry-After when the
 * client should wait). Both sides serialize with the application's Jackson mapper.
 */
@ApplicationScoped
public class ProblemWriter {

    private final ObjectMapper json;

    public ProblemWriter(ObjectMapper json) {
        this.json = json;
    }

    /** The problem document of a refusal. */
    public static Problem problem(ClientError e) {
        return new Problem("about:blank", e.title(), e.status(), e.getMessage(), e.reason(), e.problems());
    }

    /** A refusal as a JAX-RS answer. */
    public static Response response(ClientError e) {
        Response response = response(problem(e));
        if (e.retryAfterSeconds() > 0) {
            response.getHeaders().putSingle("Retry-After", Long.toString(e.retryAfterSeconds()));
        }
        return response;
    }

    /** A problem as a JAX-RS answer. */
    public static Response response(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** A refusal written on a route's own response, which it ends (headers already set on it are kept). */
    public void send(RoutingContext ctx, ClientError e) {
        HttpServerResponse response = ctx.response();
        String body;
        try {
            body = json.writeValueAsString(problem(e));
        } catch (JsonProcessingException failure) {
            ctx.fail(failure);
            return;
        }
        response.setStatusCode(e.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (e.retryAfterSeconds() > 0) {
            response.putHeader(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
        }
        response.end(body);
    }
}
