package io.clickgive.console;

import io.clickgive.team.BoardEntry;
import io.clickgive.team.TeamService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * A campaign's teams in the console: every team with its members, megabytes and share of the campaign's total, hidden
 * ones with the reason; a name is hidden with a reason (audited) and may be shown again.
 */
@Path("/console/campaigns/{slug}/teams")
@Tag(name = "Console (pages)")
@Produces(MediaType.TEXT_HTML)
public class CampaignTeamPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance teams(ConsoleView view, String slug, List<Row> teams, List<String> problems);
    }

    /** A team of the list and its share of the campaign's megabytes, in percent. */
    record Row(TeamService.Managed t, BigDecimal share) {
    }

    /** A team on the dashboard: its line of the board and its share of the campaign's megabytes, in percent. */
    public record Share(BoardEntry team, BigDecimal percent) {
    }

    private final Console console;
    private final TeamService teams;

    public CampaignTeamPages(Console console, TeamService teams) {
        this.console = console;
        this.teams = teams;
    }

    @GET
    @Operation(summary = "A campaign's teams, hidden ones too, with their share of the total")
    public TemplateInstance page(@PathParam("slug") String slug, @QueryParam("lang") String lang,
                                 @Context SecurityContext security) {
        return page(console.view(lang, security), slug, List.of());
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Hide a team's name with a reason, or show it again (form)")
    public Response act(@PathParam("slug") String slug, @PathParam("id") long id, @FormParam("csrf") String csrf,
                        @FormParam("lang") String lang, @FormParam("action") String action,
                        @FormParam("reason") String reason, @Context SecurityContext security) {
        return Console.submit(() -> {
            String user = console.poster(security, csrf);
            if ("show".equals(action)) {
                teams.show(id, user);
            } else {
                teams.hide(id, reason, user);
            }
            return Console.seeOther("/console/campaigns/" + slug + "/teams", lang, Map.of());
        }, problems -> page(console.view(lang, security), slug, problems));
    }

    private TemplateInstance page(ConsoleView view, String slug, List<String> problems) {
        long total = teams.campaignMegabytes(slug);
        return Templates.teams(view, slug, teams.all(slug).stream().map(t -> new Row(t, percent(t.megabytes(), total)))
                .toList(), problems);
    }

    /** The dashboard's leading teams with their share of {@code total} megabytes. */
    static List<Share> shares(List<BoardEntry> board, long total) {
        return board.stream().map(e -> new Share(e, percent(e.megabytes(), total))).toList();
    }

    private static BigDecimal percent(long part, long total) {
        return total == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(total), 1, RoundingMode.HALF_UP);
    }
}
