package dev.mechanics.customer;

import jakarta.enterprise.context.ApplicationScoped;
import dev.mechanics.platform.Id;
import dev.mechanics.platform.web.IdempotentRoutes;
import dev.mechanics.platform.web.Listing;
import dev.mechanics.platform.web.RequestIds;
import dev.mechanics.platform.web.Requires;
import dev.mechanics.platform.web.Versions;
import dev.mechanics.tenancy.Capability;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Vehicles of the caller's organization; {@code ?customerId=} lists one customer's. */
@ApplicationScoped
@Path("/vehicles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Vehicles")
public class VehicleResource {

  private static final String EXAMPLE = """
      {"customerId": "0193f1c2-0000-7000-8000-000000000002", "vin": "1HGCM82633A004352", "plate": "7ABC123",
       "make": "Honda", "model": "Accord", "year": 2003, "mileage": 182000}""";

  @Inject
  VehicleService vehicles;

  @Inject
  IdempotentRoutes idempotent;

  public record VehicleRequest(
      @NotBlank String customerId,
      @NotBlank @ValidVin String vin,
      @Size(max = 20) String plate,
      @Size(max = 60) String make,
      @Size(max = 60) String model,
      @Min(1886) @Max(2100) Integer year,
      @Min(0) @Max(9_999_999) Integer mileage) {

    VehicleDetails details() {
      return new VehicleDetails(RequestIds.field("customerId", customerId), new Vin(vin.trim()),
          CustomerResource.blankToNull(plate),
          CustomerResource.blankToNull(make), CustomerResource.blankToNull(model), year, mileage);
    }
  }

  public record VehicleView(UUID id, UUID customerId, String vin, String plate, String make, String model,
                            Integer year, Integer mileage, long version) {
    static VehicleView of(Vehicle v) {
      return new VehicleView(v.getId(), v.getCustomerId(), v.getVin(), v.getPlate(), v.getMake(), v.getModel(),
          v.getYear(), v.getMileage(), v.getVersion());
    }
  }

  @GET
  @Operation(operationId = "listVehicles", summary = "List vehicles",
      description = "The organization's vehicles, a page at a time; `customerId` lists one customer's.")
  public Listing<VehicleView> list(@QueryParam("customerId") String customerId, @QueryParam("limit") String limit,
                                   @QueryParam("after") String after) {
    return Listing.of(vehicles.list(RequestIds.field("customerId", customerId, Id::new),
        Listing.request(limit, after)), VehicleView::of);
  }

  @GET
  @Path("/{id}")
  @Operation(operationId = "getVehicle", summary = "Read a vehicle",
      description = "The vehicle with its version as the `ETag`.")
  @APIResponse(responseCode = "200", description = "The vehicle.", headers = @Header(name = "ETag", ref = "ETag"),
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VehicleView.class)))
  public Response get(@PathParam("id") String id) {
    Vehicle vehicle = vehicles.get(RequestIds.path("vehicle", id, Id::new));
    return Response.ok(VehicleView.of(vehicle)).tag(Versions.etag(vehicle.getVersion())).build();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Capability.EDIT_CUSTOMERS)
  @Operation(operationId = "registerVehicle", summary = "Register a vehicle",
      description = "Adds a customer's vehicle. The VIN is checked (17 characters, check digit); 409 when a "
          + "vehicle with this VIN is already registered (except for a retry with the first request's "
          + "`Idempotency-Key`), 422 when the customer does not exist.",
      extensions = @Extension(name = "x-requires", value = "EDIT_CUSTOMERS"))
  @APIResponse(responseCode = "201", description = "The vehicle; the same answer again for a retry with the same "
      + "`Idempotency-Key`.",
      headers = {@Header(name = "Location", ref = "Location"), @Header(name = "ETag", ref = "ETag"),
          @Header(name = IdempotentRoutes.REPLAYED, ref = "IdempotentReplayed")},
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VehicleView.class)))
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "422", ref = "Unprocessable")
  public Response register(@Parameter(description = IdempotentRoutes.KEY, schema = @Schema(
                               type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                               maxLength = 200)) @HeaderParam("Idempotency-Key") String idempotencyKey,
                           @Valid @NotNull @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
      examples = @ExampleObject(name = "vehicle", value = EXAMPLE))) VehicleRequest request, @Context UriInfo uri) {
    return idempotent.once(idempotencyKey, "vehicle|" + request, "vehicle registration", () -> {
      Vehicle vehicle = vehicles.register(request.details());
      return Response.created(uri.getAbsolutePathBuilder().path(vehicle.getId().toString()).build())
          .entity(VehicleView.of(vehicle)).tag(Versions.etag(vehicle.getVersion())).build();
    });
  }

  @PUT
  @Path("/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Capability.EDIT_CUSTOMERS)
  @Operation(operationId = "changeVehicle", summary = "Change a vehicle",
      description = "Replaces the vehicle's details (fields left out are cleared). 409 when another vehicle has "
          + "this VIN, 422 when the customer does not exist.",
      extensions = @Extension(name = "x-requires", value = "EDIT_CUSTOMERS"))
  @APIResponse(responseCode = "200", description = "The vehicle.", headers = @Header(name = "ETag", ref = "ETag"),
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VehicleView.class)))
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "422", ref = "Unprocessable")
  public Response change(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                         @Valid @NotNull @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                             examples = @ExampleObject(name = "vehicle", value = EXAMPLE))) VehicleRequest request) {
    Id<Vehicle> vehicleId = RequestIds.path("vehicle", id, Id::new);
    Vehicle vehicle = vehicles.change(vehicleId, Versions.required(ifMatch), request.details());
    return Response.ok(VehicleView.of(vehicle)).tag(Versions.etag(vehicle.getVersion())).build();
  }
}
