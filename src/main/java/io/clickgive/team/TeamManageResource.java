package io.clickgive.team;

import io.clickgive.common.Actors;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import io.clickgive.web.ClientError;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Managers and teams: every team of a campaign (hidden ones too), hide a name with a reason, show it again. */
@Path("/api/manage/teams")
@Tag(name = "Teams")
public class TeamManageResource {

    /** Why a team is hidden, as a manager writes it. */
    public record Hiding(String reason) {
    }

    private final TeamService teams;

    public TeamManageResource(TeamService teams) {
        this.teams = teams;
    }

    @GET
    @Operation(summary = "Every team of a campaign, hidden ones too, by megabytes")
    public List<TeamService.Managed> all(@QueryParam("campaign") String slug) {
        if (slug == null || slug.isBlank()) {
            throw ClientError.badRequest("campaign: the campaign's slug is required");
        }
        return teams.all(slug);
    }

    @POST
    @Path("{id}/hide")
    @Operation(summary = "Hide a team's name (reason required, audited): its page, link and boards forget it")
    public Response hide(@PathParam("id") long id, Hiding hiding, @Context SecurityContext security) {
        teams.hide(id, hiding == null ? null : hiding.reason(), Actors.of(security));
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/show")
    @Operation(summary = "Show a hidden team again (audited)")
    public Response show(@PathParam("id") long id, @Context SecurityContext security) {
        teams.show(id, Actors.of(security));
        return Response.noContent().build();
    }
}
