package dev.mechanics.timeclock;

import jakarta.enterprise.context.ApplicationScoped;
import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.Id;
import dev.mechanics.platform.web.CurrentCaller;
import dev.mechanics.platform.web.RequestIds;
import dev.mechanics.platform.web.Requires;
import dev.mechanics.platform.web.Versions;
import dev.mechanics.tenancy.Capability;
import dev.mechanics.tenancy.Shop;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
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

/** Hours sold, clocked and attended per technician and shop, with efficiency and productivity (kpi-v2). */
@ApplicationScoped
@Path("/shops/{shopId}/technician-time")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Time clock")
public class TechnicianTimeResource {

  private static final String REPLAYED = "Idempotent-Replayed";

  @Inject
  TimeClockService clocks;

  @Inject
  TechnicianTime time;

  @Inject
  CurrentCaller caller;

  /** Hours as decimal strings; percentages with one decimal, null when the denominator is zero. */
  public record TimeView(UUID technicianId, String hoursSold, String hoursClocked, String hoursAttended,
                         String efficiencyPercent, String productivityPercent) {
    static TimeView of(UUID technician, TimeRatios t) {
      return new TimeView(technician, TimeRatios.hours(t.sold()).toPlainString(),
          TimeRatios.hours(t.clocked()).toPlainString(), TimeRatios.hours(t.attended()).toPlainString(),
          text(t.efficiencyPercent()), text(t.productivityPercent()));
    }

    private static String text(BigDecimal value) {
      return value == null ? null : value.toPlainString();
    }
  }

  public record TechnicianTimeView(UUID shopId, Instant from, Instant to, TimeView shop,
                                   List<TimeView> technicians) {
  }

  @GET
  @Requires(Capability.MANAGE_STAFF)
  @Operation(operationId = "getTechnicianTime", summary = "Hours sold, clocked and attended",
      description = "Per technician and for the shop over the local days `from` to `to` (at most 366): hours sold "
          + "(billed labor lines of invoices issued in the period), clocked on jobs and attended, efficiency = "
          + "sold / clocked and productivity = clocked / attended in percent (null when the denominator is zero); "
          + "docs/kpis.md. Owners and managers.",
      extensions = @Extension(name = "x-requires", value = "MANAGE_STAFF"))
  @APIResponse(responseCode = "200", description = "The figures.",
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(implementation = TechnicianTimeView.class)))
  public Response technicianTime(
      @PathParam("shopId") String shopId,
      @Parameter(description = "First local day (YYYY-MM-DD).", required = true) @QueryParam("from") String from,
      @Parameter(description = "Last local day (YYYY-MM-DD), inclusive.", required = true) @QueryParam("to") String to) {
    Id<Shop> shop = RequestIds.path("shop", shopId, Id::new);
    LocalDate first = date("from", from);
    LocalDate last = date("to", to);
    if (last.isBefore(first) || first.plusDays(366).isBefore(last)) {
      throw DomainException.InvalidInput.field("to", "must be from 0 to 366 days after from");
    }
    TechnicianTime.Figures figures = time.of(shop, first, last);
    return Response.ok(new TechnicianTimeView(shop.value(), figures.from(), figures.to(),
        TimeView.of(null, figures.shop()), figures.technicians().entrySet().stream()
            .map(e -> TimeView.of(e.getKey(), e.getValue())).toList())).build();
  }

  private static LocalDate date(String name, String text) {
    if (text == null || text.isBlank()) {
      throw new DomainException.Malformed(name, name + " is required (YYYY-MM-DD)");
    }
    try {
      return LocalDate.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw new DomainException.Malformed(name, name + " must be a date (YYYY-MM-DD)");
    }
  }
}
