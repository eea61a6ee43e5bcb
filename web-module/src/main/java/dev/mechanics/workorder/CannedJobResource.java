package dev.mechanics.workorder;

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

/** A shop's canned jobs; {@code POST /work-orders/{id}/canned-jobs/{jobId}} inserts one into a work order. */
@Path("/shops/{shopId}/canned-jobs")
@Produces(MediaType.APPLICATION_JSON)
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

  public record CannedJobView(UUID id, String name, List<CannedLineView> lines) {
    static CannedJobView of(CannedJob job) {
      return new CannedJobView(job.getId(), job.getName(), job.getLines().stream()
          .map(l -> CannedLineView.of(l.details())).toList());
    }
  }

  @GET
  public Map<String, List<CannedJobView>> list(@PathParam("shopId") String shopId) {
    return Map.of("items", cannedJobs.of(RequestIds.path("shop", shopId, Id::new)).stream().map(CannedJobView::of)
        .toList());
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Capability.EDIT_WORK)
  public Response define(@PathParam("shopId") String shopId, @Valid @NotNull CannedJobRequest request) {
    CannedJob job = cannedJobs.define(RequestIds.path("shop", shopId, Id::new), request.name().trim(),
        request.lines().stream().map(LineRequest::details).toList());
    return Response.status(Response.Status.CREATED).entity(CannedJobView.of(job)).build();
  }
}
