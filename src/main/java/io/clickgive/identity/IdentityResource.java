package io.clickgive.identity;

import io.clickgive.guard.Admission;
import io.clickgive.guard.ProofOfWork;
import io.smallrye.mutiny.Uni;
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

/** Minting a player identity: once per install, for a proof of work that costs more the more a network mints. */
@Path("/api/identities")
@Tag(name = "Identities (public)")
public class IdentityResource {

    /** What a mint request carries: the solution of the network's mint puzzle. */
    public record MintRequest(ProofOfWork.Solution proof) {
    }

    private final Identities identities;
    private final Admission admission;

    public IdentityResource(Identities identities, Admission admission) {
        this.identities = identities;
        this.admission = admission;
    }

    @POST
    @Path("challenges")
    @Operation(summary = "Get the puzzle a new player identity costs on this network (ALTCHA, SHA-256)")
    @APIResponse(responseCode = "200", description = "Find number in 0..maxNumber with SHA-256(salt + number) = challenge",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProofOfWork.Challenge.class)))
    public Uni<Response> challenge(@Context HttpServerRequest http, @Context HttpHeaders headers) {
        return identities.challenge(admission.network(peer(http), headers.getHeaderString("X-Forwarded-For")))
                .map(challenge -> Response.ok(challenge).header("Cache-Control", "no-store").build());
    }

    @POST
    @Operation(summary = "Mint a player identity with a solved puzzle; keep it and send it as identity")
    @APIResponse(responseCode = "201", description = "The identity",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Identities.Minted.class)))
    @APIResponse(responseCode = "400", description = "No solution, or a malformed one (reason PUZZLE)")
    @APIResponse(responseCode = "403", description = "Invalid, expired, reused or another network's solution (PUZZLE)")
    @APIResponse(responseCode = "409", description = "The network minted meanwhile: the puzzle is too easy now (PUZZLE)")
    public Uni<Response> mint(MintRequest request, @Context HttpServerRequest http, @Context HttpHeaders headers) {
        return identities.mint(request == null ? null : request.proof(),
                        admission.network(peer(http), headers.getHeaderString("X-Forwarded-For")))
                .map(minted -> Response.status(Response.Status.CREATED).entity(minted)
                        .header("Cache-Control", "no-store").build());
    }

    static String peer(HttpServerRequest http) {
        return http.remoteAddress() == null ? "" : http.remoteAddress().hostAddress();
    }
}
