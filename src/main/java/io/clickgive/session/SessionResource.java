package io.clickgive.session;

import io.clickgive.guard.ProofOfWork;
import io.clickgive.web.ClientError;
import io.clickgive.web.Problem;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.Valid;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The click path: a player asks for a session, then reports its clicks in batches. */
@Path("/api")
@Tag(name = "Sessions (public)")
public class SessionResource {

    private final SessionService sessions;
    private final Callers callers;

    public SessionResource(SessionService sessions, Callers callers) {
        this.sessions = sessions;
        this.callers = callers;
    }

    @POST
    @Path("campaigns/{slug}/challenges")
    @Operation(summary = "Get a proof-of-work challenge (ALTCHA, SHA-256) to solve before starting a session")
    @APIResponse(responseCode = "200", description = "Find number in 0..maxNumber with SHA-256(salt + number) = challenge",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProofOfWork.Challenge.class)))
    @APIResponse(responseCode = "404", description = "Unknown campaign")
    @APIResponse(responseCode = "409", description = "The campaign is not live or not open now")
    @NonBlocking // no I/O: answered on the event loop
    public Response challenge(@PathParam("slug") String slug, @Valid ChallengeRequest request,
                              @Context HttpServerRequest http, @Context HttpHeaders headers) {
        return Response.ok(sessions.challenge(slug, caller(request == null ? null : request.identity(), http, headers)))
                .header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("campaigns/{slug}/sessions")
    @Operation(summary = "Start a click session in a live campaign")
    @APIResponse(responseCode = "201", description = "Granted: report clicks with the token",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SessionGrant.class)))
    @APIResponse(responseCode = "404", description = "Unknown campaign")
    @APIResponse(responseCode = "409", description = "The campaign is not live or not open now")
    @APIResponse(responseCode = "400", description = "Malformed request or missing proof of work (reason PUZZLE)")
    @APIResponse(responseCode = "401", description = "Missing, forged or foreign identity (reason IDENTITY)")
    @APIResponse(responseCode = "403", description = "Proof of work invalid, expired or reused (reason PUZZLE)")
    @APIResponse(responseCode = "429", description = "Too many sessions just now (reason WAIT); see Retry-After",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> start(@PathParam("slug") String slug, SessionRequest request,
                               @Context HttpServerRequest http, @Context HttpHeaders headers) {
        SessionRequest asked = request == null ? new SessionRequest(null, null, null) : request.check();
        return sessions.grant(slug, asked, caller(asked.identity(), http, headers))
                .map(grant -> Response.status(Response.Status.CREATED).entity(grant).build());
    }

    @POST
    @Path("sessions/{id}/batches")
    @Operation(summary = "Report a batch of clicks; a replayed seq gets its first answer again")
    @APIResponse(responseCode = "200", description = "Counted, entirely or in part (see accepted, rejected, reason)")
    @APIResponse(responseCode = "400", description = "Malformed batch")
    @APIResponse(responseCode = "401", description = "Forged, foreign or expired token")
    @APIResponse(responseCode = "410", description = "The session is no longer known")
    public Uni<BatchResult> report(@PathParam("id") String sessionId, BatchReport report) {
        if (report == null) {
            throw ClientError.badRequest("A batch {token, seq, offsets} is required");
        }
        return sessions.report(sessionId, report);
    }

    private SessionService.Caller caller(String identity, HttpServerRequest http, HttpHeaders headers) {
        return callers.of(identity, http, headers);
    }
}
