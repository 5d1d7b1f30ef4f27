package io.clickgive.totals;

import io.clickgive.campaign.CampaignCatalog;
import io.clickgive.guard.Reason;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the guard refused in a campaign, reason by reason, for its managers. */
@Path("/api/manage/campaigns/{slug}/rejections")
@Tag(name = "Guard (managers)")
public class RejectionResource {

    /** Every reason, with zero where nothing was refused, and what it means. */
    public record Report(String campaign, long acceptedClicks, long sessions, Map<String, Long> rejectedClicks,
                         Map<String, Long> refusedSessions, Map<String, String> meanings, java.time.Instant at) {
    }

    private final CampaignCatalog catalog;
    private final TotalsService totals;

    public RejectionResource(CampaignCatalog catalog, TotalsService totals) {
        this.catalog = catalog;
        this.totals = totals;
    }

    @GET
    @Operation(summary = "Rejected clicks and refused sessions of a campaign, by reason")
    public Uni<Report> rejections(@PathParam("slug") String slug) {
        return totals.refusals(catalog.bySlug(slug)).map(RejectionResource::report);
    }

    /** Every reason of the guard, with zero where nothing was refused (the console's dashboard shows the same). */
    public static Report report(Refusals refusals) {
        Map<String, Long> clicks = new LinkedHashMap<>();
        Map<String, Long> sessions = new LinkedHashMap<>();
        Map<String, String> meanings = new LinkedHashMap<>();
        Arrays.stream(Reason.values()).forEach(reason -> {
            Map<String, Long> from = reason.unit() == Reason.Unit.CLICK ? refusals.rejectedClicks() : refusals.refusedSessions();
            (reason.unit() == Reason.Unit.CLICK ? clicks : sessions).put(reason.name(), from.getOrDefault(reason.name(), 0L));
            meanings.put(reason.name(), reason.meaning());
        });
        return new Report(refusals.campaign(), refusals.acceptedClicks(), refusals.sessions(), clicks, sessions,
                meanings, refusals.at());
    }
}
