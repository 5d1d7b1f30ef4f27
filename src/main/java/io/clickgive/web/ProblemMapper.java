package io.clickgive.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.logging.Log;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

/**
 * The one place where exceptions become HTTP answers: client mistakes are 4xx problems, never a 500 with a stack trace.
 * Written by {@link ProblemWriter}, as the refusals of route handlers are.
 */
public class ProblemMapper {

    @ServerExceptionMapper
    public Response clientError(ClientError e) {
        return ProblemWriter.response(e);
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        List<String> violations = e.getConstraintViolations().stream()
                .map(ProblemMapper::violation)
                .sorted()
                .toList();
        return respond(new Problem("about:blank", "Bad request", 400, String.join("; ", violations), null, violations));
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        return respond(new Problem(400, "Bad request", "Malformed JSON: " + e.getOriginalMessage()));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException json) {
            return unreadable(json);
        }
        int status = e.getResponse().getStatus();
        String title = e.getResponse().getStatusInfo().getReasonPhrase();
        return respond(new Problem(status, title, e.getMessage()));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        Log.error("Unexpected failure", e);
        return respond(new Problem(500, "Internal error", "The service failed; the request may be retried."));
    }

    private static Response respond(Problem problem) {
        return ProblemWriter.response(problem);
    }

    /** One refused field as both the API and the console's pages show it: "serials: must not be empty". */
    public static String violation(ConstraintViolation<?> violation) {
        return leaf(violation.getPropertyPath().toString()) + ": " + violation.getMessage();
    }

    /** "create.arg0.slug" (or "assign.order.serials") reads better as "slug". */
    private static String leaf(String path) {
        String[] parts = path.split("\\.");
        return parts.length > 2 ? String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length)) : path;
    }
}
