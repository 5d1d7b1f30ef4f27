package io.clickgive.team;

import io.clickgive.session.Callers;
import io.clickgive.session.SessionService;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Teams for players: create one, join one by its invite code, leave, see a team and the campaign's leaderboards. */
@Path("/api/campaigns/{slug}/teams")
@Tag(name = "Teams (public)")
public class TeamResource {

    private final TeamService teams;
    private final Callers callers;

    public TeamResource(TeamService teams, Callers callers) {
        this.teams = teams;
        this.callers = callers;
    }

    @POST
    @Operation(summary = "Create a team (name, region) with the player's identity; the player is its first member")
    @APIResponse(responseCode = "201", description = "Created: its invite link is in link")
    @APIResponse(responseCode = "400", description = "A name that is empty, too long or not allowed, or no region")
    @APIResponse(responseCode = "409", description = "The name is taken or hidden, or the player is in a team already")
    @APIResponse(responseCode = "429", description = "Too many calls of this player in the last minute")
    public Response create(@PathParam("slug") String slug, TeamDraft draft, @Context HttpServerRequest http,
                           @Context HttpHeaders headers) {
        TeamView team = teams.create(slug, draft, caller(draft == null ? null : draft.identity(), http, headers));
        return Response.status(Response.Status.CREATED).entity(team).build();
    }

    @GET
    @Operation(summary = "The leading teams, overall or in a region (kept 2 s)")
    public List<BoardEntry> board(@PathParam("slug") String slug, @QueryParam("region") String region,
                                  @QueryParam("size") Integer size) {
        return teams.board(slug, region == null || region.isBlank() ? null : region, size == null ? 10 : size);
    }

    @GET
    @Path("{code}")
    @Operation(summary = "A team: clicks, megabytes, members, rounds and rank (kept 2 s)")
    @APIResponse(responseCode = "404", description = "No such team in this campaign, or hidden")
    public TeamView team(@PathParam("slug") String slug, @PathParam("code") String code) {
        return teams.team(slug, code);
    }

    @POST
    @Path("{code}/members")
    @Operation(summary = "Join the team of this invite code: the player's next rounds count for it")
    @APIResponse(responseCode = "404", description = "No such team in this campaign, or hidden")
    @APIResponse(responseCode = "409", description = "The player is in another team of the campaign")
    @APIResponse(responseCode = "429", description = "Too many joins by this player today, or calls in the last minute")
    public TeamView join(@PathParam("slug") String slug, @PathParam("code") String code, PlayerCall call,
                         @Context HttpServerRequest http, @Context HttpHeaders headers) {
        return teams.join(slug, code, caller(call == null ? null : call.identity(), http, headers));
    }

    @POST
    @Path("leave")
    @Operation(summary = "Leave the player's team: its clicks so far stay the team's")
    @APIResponse(responseCode = "204", description = "Left (or was in none)")
    @APIResponse(responseCode = "429", description = "Too many calls of this player in the last minute")
    public Response leave(@PathParam("slug") String slug, PlayerCall call, @Context HttpServerRequest http,
                          @Context HttpHeaders headers) {
        teams.leave(slug, caller(call == null ? null : call.identity(), http, headers));
        return Response.noContent().build();
    }

    @POST
    @Path("mine")
    @Operation(summary = "The player's team in this campaign (none: team is null)")
    @APIResponse(responseCode = "200", description = "The membership", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = Membership.class)))
    @APIResponse(responseCode = "429", description = "Too many calls of this player in the last minute")
    public Membership mine(@PathParam("slug") String slug, PlayerCall call, @Context HttpServerRequest http,
                           @Context HttpHeaders headers) {
        return teams.mine(slug, caller(call == null ? null : call.identity(), http, headers));
    }

    private SessionService.Caller caller(String identity, HttpServerRequest http, HttpHeaders headers) {
        return callers.of(identity, http, headers);
    }
}
