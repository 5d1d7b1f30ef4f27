package io.clickgive.site;

import io.clickgive.common.Actors;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Manager API for the village programme's connectivity sites: survey, approval, installation, live, offline. */
@Path("/api/manage/sites")
@Tag(name = "Connectivity sites")
public class SiteResource {

    private final SiteService sites;
    private final SiteDevices devices;

    public SiteResource(SiteService sites, SiteDevices devices) {
        this.sites = sites;
        this.devices = devices;
    }

    @GET
    @Path("{code}/devices")
    @Operation(summary = "A site's devices: its router's SIM")
    public List<DeviceView> devices(@PathParam("code") String code) {
        return devices.list(code);
    }

    @POST
    @Path("{code}/devices")
    @Operation(summary = "Register a site's router SIM (ICCID with its check digit, number)")
    public Response addDevice(@PathParam("code") String code, @NotNull @Valid DeviceDraft draft,
                              @Context SecurityContext security) {
        return Response.status(Response.Status.CREATED).entity(devices.add(code, draft, Actors.of(security))).build();
    }

    @GET
    @Operation(summary = "Sites surveyed so far, with where each stands")
    public List<SiteView> list() {
        return sites.list();
    }

    @GET
    @Path("report")
    @Operation(summary = "Installations per phase (against plan and budget), per province, and cost month by month")
    public SiteReport report() {
        return sites.report();
    }

    @POST
    @Path("phases")
    @Operation(summary = "Open a roll-out phase with its budget and planned installations")
    public Response createPhase(@NotNull @Valid SiteSteps.PhaseDraft draft) {
        return Response.status(Response.Status.CREATED).entity(sites.createPhase(draft)).build();
    }

    @GET
    @Path("{code}")
    @Operation(summary = "A site, what was installed there, and every step")
    public SiteView get(@PathParam("code") String code) {
        return sites.get(code);
    }

    @POST
    @Path("{code}/survey")
    @Operation(summary = "Record a site survey (first, or anew before approval)")
    public SiteView survey(@PathParam("code") String code, @NotNull @Valid SiteSteps.Survey survey,
                           @Context SecurityContext security) {
        return sites.survey(code, survey, Actors.of(security));
    }

    @POST
    @Path("{code}/installation")
    @Operation(summary = "Record an approved site's installation in a phase")
    public SiteView install(@PathParam("code") String code, @NotNull @Valid SiteSteps.Installation installation,
                            @Context SecurityContext security) {
        return sites.install(code, installation, Actors.of(security));
    }

    @POST
    @Path("{code}/status")
    @Operation(summary = "Approve a surveyed site, or move an installed one live, offline or into maintenance")
    public SiteView change(@PathParam("code") String code, @NotNull @Valid SiteSteps.Change change,
                           @Context SecurityContext security) {
        return sites.change(code, change, Actors.of(security));
    }
}
