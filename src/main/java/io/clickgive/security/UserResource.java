package io.clickgive.security;

import io.clickgive.common.Actors;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
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

/** Admin API for users. Locked to admins by the path rules in application.properties. */
@Path("/api/admin/users")
@Tag(name = "Users (admins)")
public class UserResource {

    private final UserService users;

    public UserResource(UserService users) {
        this.users = users;
    }

    @POST
    @Operation(summary = "Create a user (admin, manager, or distributor of one organisation)")
    public Response create(@NotNull @Valid UserDraft draft) {
        return Response.status(201).entity(users.create(draft)).build();
    }

    @GET
    @Operation(summary = "List users")
    public List<UserView> list() {
        return users.list();
    }

    @DELETE
    @Path("{username}")
    @Operation(summary = "Delete a user")
    public Response delete(@PathParam("username") String username, @Context SecurityContext security) {
        users.delete(username, Actors.of(security));
        return Response.noContent().build();
    }
}
