package io.clickgive.web;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses an oversized request from its Content-Length, before its body is read, with a problem that says so
 * (the HTTP layer's own limit, quarkus.http.limits.max-body-size, still stops chunked bodies, without a message).
 * A click batch is small: 2000 offsets fit in 16 kB, so batches get a much lower limit than JSON requests; CSV imports
 * (tens of thousands of tablets or beneficiaries) get a higher one.
 */
@ApplicationScoped
public class BodyLimits {

    static final long BATCH_LIMIT = 64 * 1024;
    static final long DEFAULT_LIMIT = 1024 * 1024;
    static final long IMPORT_LIMIT = 16 * 1024 * 1024;
    /**
     * A delivery from the field: a photo (1 MB at most) and a signature (256 kB), as base64 in JSON; a beneficiary's
     * usage report with its photo (1 MB at most), as a form.
     */
    static final long FIELD_LIMIT = 2 * 1024 * 1024;

    private final ProblemWriter problems;

    public BodyLimits(ProblemWriter problems) {
        this.problems = problems;
    }

    void install(@Observes Router router) {
        router.route().order(-1000).handler(ctx -> {
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            String path = ctx.request().path();
            long limit = path.startsWith("/api/sessions/") ? BATCH_LIMIT
                    : path.endsWith("/import") || path.startsWith("/console/imports/") ? IMPORT_LIMIT
                    : path.equals("/console/field/actions") || path.startsWith("/c/") && path.contains("/usage/")
                    ? FIELD_LIMIT : DEFAULT_LIMIT;
            long size;
            try {
                size = length == null ? 0 : Long.parseLong(length);
            } catch (NumberFormatException e) {
                size = 0;
            }
            if (size <= limit) {
                ctx.next();
                return;
            }
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
            problems.send(ctx, new ClientError(413, "Payload too large",
                    "The request body has " + size + " bytes; at most " + limit + " are accepted here"));
        });
    }
}
