package io.clickgive.distribution;

import io.clickgive.common.Actors;
import io.clickgive.security.OwnOrganisation;
import io.clickgive.web.QueryParams;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * The distributor's API: its tablets, assigning them to beneficiaries in its regions, confirming deliveries. The
 * distributor is named in the path; a distributor user may act for its own organisation only (admins for any): see
 * security.Organisations.
 */
@Path("/api/distribute/{distributor}/tablets")
@OwnOrganisation
@Tag(name = "Distribution (distributors)")
public class DistributeResource {

    private final TabletService tablets;

    public DistributeResource(TabletService tablets) {
        this.tablets = tablets;
    }

    @GET
    @Operation(summary = "My tablets, optionally in one status")
    public List<TabletView> mine(@PathParam("distributor") String distributor,
                                 @QueryParam("status") String status) {
        return tablets.mine(distributor, QueryParams.oneOf(TabletStatus.class, "status", status));
    }

    @POST
    @Path("assign")
    @Operation(summary = "Assign one or many of my shipped tablets to a beneficiary in my regions")
    @APIResponse(responseCode = "404", description = "A tablet not shipped to me")
    @APIResponse(responseCode = "409", description = "Outside my regions, assigned already, or its bundle is another beneficiary's")
    public List<TabletView> assign(@PathParam("distributor") String distributor,
                                   TabletOrders.Assign order, @Context SecurityContext security) {
        return tablets.assign(distributor, order, Actors.of(security));
    }

    @POST
    @Path("deliver")
    @Operation(summary = "Confirm one or many deliveries: date, recipient, note")
    @APIResponse(responseCode = "409", description = "A tablet not assigned, or a date in the future")
    public List<TabletView> deliver(@PathParam("distributor") String distributor,
                                    TabletOrders.Deliver order, @Context SecurityContext security) {
        return tablets.deliver(distributor, order, Actors.of(security));
    }
}
