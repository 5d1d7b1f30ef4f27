package io.clickgive.call;

import io.clickgive.guard.Admission;
import io.clickgive.guard.ProofOfWork;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;

/**
 * The public side of a call for projects: its rules, the puzzle an application costs, the application, and the
 * applicant's link. The page /c/{slug}/apply uses the same service; this is for partners' own tools.
 */
@Path("/api/campaigns/{slug}/call")
@Tag(name = "Calls for projects (public)")
public class ApplyResource {

    /** An application and the solved puzzle that pays for it. */
    public record ApplicationRequest(ApplicationDraft application, ProofOfWork.Solution proof) {
    }

    /** What the applicant keeps: the reference, the key to it, and the page that shows it. */
    public record Receipt(String reference, String key, ApplicationStatus status, String page) {
    }

    /** The applicant's reply to a question from the managers. */
    public record Reply(String message) {
    }

    private final Calls calls;
    private final Admission admission;

    public ApplyResource(Calls calls, Admission admission) {
        this.calls = calls;
        this.admission = admission;
    }

    @GET
    @Operation(summary = "The campaign's call for projects: who may apply, the questions, the deadline")
    public CallView call(@PathParam("slug") String slug) {
        return calls.call(slug, true);
    }

    @POST
    @Path("challenges")
    @Operation(summary = "The puzzle an application costs this network now (ALTCHA, SHA-256)")
    @APIResponse(responseCode = "429", description = "The network sent as many applications as it may for now")
    @APIResponse(responseCode = "410", description = "The call is past its deadline")
    public Response challenge(@PathParam("slug") String slug, @Context HttpServerRequest http,
                              @Context HttpHeaders headers) {
        return Response.ok(calls.challenge(slug, network(http, headers))).header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("applications")
    @Operation(summary = "Apply to the call with a solved puzzle; keep the receipt's key to follow the application")
    @APIResponse(responseCode = "201", description = "Stored; the receipt")
    @APIResponse(responseCode = "400", description = "Every problem with the application (nothing stored), or no proof")
    @APIResponse(responseCode = "403", description = "A proof of work that is invalid, expired or used")
    @APIResponse(responseCode = "409", description = "Already applied to this call, or too many applications open")
    @APIResponse(responseCode = "429", description = "The network sent as many applications as it may for now")
    public Response apply(@PathParam("slug") String slug, ApplicationRequest request, @Context HttpServerRequest http,
                          @Context HttpHeaders headers) {
        Calls.Submitted submitted = calls.submit(slug, request == null ? null : request.application(),
                request == null ? null : request.proof(), network(http, headers));
        String page = page(slug, submitted.reference(), submitted.key());
        return Response.created(URI.create(page)).header("Cache-Control", "no-store")
                .entity(new Receipt(submitted.reference(), submitted.key(), submitted.status(), page)).build();
    }

    @GET
    @Path("applications/{reference}")
    @Operation(summary = "An application, through its key: where it stands and what the managers said")
    @APIResponse(responseCode = "404", description = "No such application, or a forged or expired key")
    public ApplicantView application(@PathParam("reference") String reference, @QueryParam("key") String key) {
        return calls.applicant(reference, key);
    }

    @POST
    @Path("applications/{reference}/replies")
    @Operation(summary = "Reply to the managers' question, through the application's key")
    public ApplicantView reply(@PathParam("reference") String reference, @QueryParam("key") String key,
                               Reply reply) {
        return calls.reply(reference, key, reply == null ? null : reply.message());
    }

    /** The applicant's page for an application (the link to keep). */
    public static String page(String slug, String reference, String key) {
        return "/c/" + slug + "/apply/" + reference + "?key=" + key;
    }

    private io.clickgive.guard.Networks.Network network(HttpServerRequest http, HttpHeaders headers) {
        String peer = http.remoteAddress() == null ? "" : http.remoteAddress().hostAddress();
        return admission.network(peer, headers.getHeaderString("X-Forwarded-For"));
    }
}
