package dev.mechanics.workorder;

import jakarta.enterprise.context.ApplicationScoped;
import dev.mechanics.platform.Id;
import dev.mechanics.platform.Money;
import dev.mechanics.platform.web.RequestIds;
import dev.mechanics.platform.web.Requires;
import dev.mechanics.tenancy.Capability;
import dev.mechanics.tenancy.Shop;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A shop's canned jobs; {@code POST /work-orders/{id}/canned-jobs/{jobId}} inserts one into a work order. */
@ApplicationScoped
@Path("/shops/{shopId}/canned-jobs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Shops")
public class CannedJobResource {

  @Inject
  CannedJobService cannedJobs;

  public record CannedJobRequest(@NotBlank @Size(max = 120) String name,
                                 @NotNull @Size(min = 1, max = 50)
                                 List<@Valid @NotNull LineRequest> lines) {
  }

  public record CannedLineView(LineType type, String description, BigDecimal hours, String rate,
                               String partNumber, BigDecimal quantity, String unitCost, String unitPrice,
                               boolean taxable) {
    static CannedLineView of(LineDetails d) {
      return new CannedLineView(d.type(), d.description(), d.hours(), str(d.rate()), d.partNumber(), d.quantity(),
          str(d.unitCost()), str(d.unitPrice()), d.taxable());
    }

    private static String str(Money m) {
      return m == null ? null : m.toString();
    }
  }

  /** The document's name for {@code {"items": [...]}} of canned jobs. */
  @Schema(name = "CannedJobList")
  record CannedJobList(List<CannedJobView> items) {
  }

  public record CannedJobView(UUID id, String name, List<CannedLineView> lines) {
    static CannedJobView of(CannedJob job) {
      return new CannedJobView(job.getId(), job.getName(), job.getLines().stream()
          .map(l -> CannedLineView.of(l.details())).toList());
    }
  }

  @GET
  @Operation(operationId = "listCannedJobs", summary = "List the shop's canned jobs",
      description = "The shop's canned jobs (named sets of lines such as \"Front brake job\") with their lines.")
  @APIResponse(responseCode = "200", description = "The canned jobs.",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CannedJobList.class)))
  public Map<String, List<CannedJobView>> list(@PathParam("shopId") String shopId) {
    return Map.of("items", cannedJobs.of(RequestIds.path("shop", shopId, Id::new)).stream().map(CannedJobView::of)
        .toList());
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Capability.EDIT_WORK)
  @Operation(operationId = "defineCannedJob", summary = "Define a canned job",
      description = "Adds a canned job to the shop; `applyCannedJob` inserts its lines into a work order. 422 "
          + "for a line that breaks the line rules (labor needs `hours`, the others `unitPrice`).",
      extensions = @Extension(name = "x-requires", value = "EDIT_WORK"))
  @APIResponse(responseCode = "201", description = "The canned job.",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CannedJobView.class)))
  @APIResponse(responseCode = "422", ref = "Unprocessable")
  public Response define(@PathParam("shopId") String shopId,
                         @Valid @NotNull @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                             examples = @ExampleObject(name = "brake job", value = """
                                 {"name": "Front brake job", "lines": [
                                   {"type": "LABOR", "description": "Replace front pads and rotors", "hours": 1.5},
                                   {"type": "PART", "description": "Brake pad set", "partNumber": "BP-1234",
                                    "quantity": 1, "unitCost": "38.00", "unitPrice": "79.00"}]}""")))
                         CannedJobRequest request) {
    CannedJob job = cannedJobs.define(RequestIds.path("shop", shopId, Id::new), request.name().trim(),
        request.lines().stream().map(LineRequest::details).toList());
    return Response.status(Response.Status.CREATED).entity(CannedJobView.of(job)).build();
  }
}
