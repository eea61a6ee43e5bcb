package dev.mechanics.floor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;

/**
 * What every request of the product pays before its own work: routing, CDI, the verified token, Bean Validation of
 * the body and JSON-B both ways. Get and create answer like the product's customer endpoints.
 */
@Path("customers")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class CustomerResource {

  @GET
  @Path("{id}")
  public Customer get(@PathParam("id") UUID id) {
    return new Customer(id, "Ada", "Lovelace", "ada@example.com", "+44 20 7946 0000");
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(@NotNull @Valid Customer body) {
    Customer created = new Customer(UUID.randomUUID(), body.firstName(), body.lastName(), body.email(), body.phone());
    return Response.created(URI.create("customers/" + created.id())).entity(created).build();
  }
}
