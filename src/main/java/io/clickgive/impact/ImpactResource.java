package io.clickgive.impact;

import io.clickgive.session.Callers;
import io.clickgive.session.SessionService;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * My impact, for the player whose identity the request carries (in its body: an identity never travels in a URL, which
 * logs and referrers keep).
 */
@Path("/api/players/me")
@Tag(name = "Players (public)")
public class ImpactResource {

    /** The player's identity, as its page holds it. */
    public record Who(String identity) {
    }

    private final ImpactService impact;
    private final Callers callers;

    public ImpactResource(ImpactService impact, Callers callers) {
        this.impact = impact;
        this.callers = callers;
    }

    @POST
    @Operation(summary = "The player's own story: rounds, clicks, megabytes, best round, days in a row, its teams")
    @APIResponse(responseCode = "200", description = "The story", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = Impact.class)))
    @APIResponse(responseCode = "401", description = "No identity, or one not issued here")
    @APIResponse(responseCode = "429", description = "Too many calls of this player in the last minute")
    public Impact mine(Who who, @Context HttpServerRequest http, @Context HttpHeaders headers) {
        return impact.of(caller(who, http, headers));
    }

    @POST
    @Path("erase")
    @Operation(summary = "Erase the player's history: the ledger's rows stop naming it, it leaves every team")
    @APIResponse(responseCode = "204", description = "Erased (the gifts stay, unlinked)")
    @APIResponse(responseCode = "429", description = "Too many calls of this player in the last minute")
    public Response erase(Who who, @Context HttpServerRequest http, @Context HttpHeaders headers) {
        impact.erase(caller(who, http, headers));
        return Response.noContent().build();
    }

    private SessionService.Caller caller(Who who, HttpServerRequest http, HttpHeaders headers) {
        return callers.of(who == null ? null : who.identity(), http, headers);
    }
}
