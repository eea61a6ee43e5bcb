package dev.mechanics.scheduling;

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
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A shop's opening hours: the week in the shop's time zone, and closed days. */
@ApplicationScoped
@Path("/shops/{shopId}/opening-hours")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Appointments")
public class OpeningHoursResource {

  private static final String TIME = "([01][0-9]|2[0-3]):[0-5][0-9]";

  @Inject
  BayService floor;

  @Inject
  CurrentCaller caller;

  /** One weekday's hours, local times {@code HH:mm}. */
  public record DayHours(@NotNull DayOfWeek day,
                         @NotNull @Pattern(regexp = TIME, message = "must be a time such as 08:00") String opens,
                         @NotNull @Pattern(regexp = TIME, message = "must be a time such as 18:00") String closes) {
  }

  public record HoursRequest(@NotNull @Size(max = 7) List<@Valid @NotNull DayHours> week,
                             @Size(max = 400) List<@NotNull LocalDate> closedDays) {
  }

  /** {@code defaulted}: the shop has not set its hours and the default week (Mon-Fri 08:00-18:00) applies. */
  public record HoursView(UUID shopId, String timeZone, List<DayHours> week, List<LocalDate> closedDays,
                          boolean defaulted) {
    static HoursView of(BayService.Hours hours) {
      return new HoursView(hours.shop().value(), hours.timeZone(), new java.util.TreeMap<>(hours.week()).entrySet()
          .stream().map(e -> new DayHours(e.getKey(), e.getValue().opens().toString(),
              e.getValue().closes().toString())).toList(), hours.closedDays(), hours.defaulted());
    }
  }

  @GET
  @Operation(operationId = "getOpeningHours", summary = "Read the shop's opening hours",
      description = "The week (local times in the shop's time zone; a weekday not listed is closed) and the "
          + "closed days from yesterday on; the `ETag` to send back when changing them.")
  @APIResponse(responseCode = "200", description = "The opening hours.", headers = @Header(name = "ETag", ref = "ETag"),
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HoursView.class)))
  public Response hours(@PathParam("shopId") String shopId) {
    BayService.Hours hours = floor.hours(shop(shopId));
    return Response.ok(HoursView.of(hours)).tag(Versions.etag(hours.fingerprint())).build();
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Capability.CONFIGURE_SHOP)
  @Operation(operationId = "changeOpeningHours", summary = "Change the shop's opening hours",
      description = "Replaces the week and the closed days from yesterday on (`If-Match`: the `ETag` read). Owners, "
          + "and managers of this shop. 422 when a day closes before it opens or is listed twice. Appointments "
          + "already booked stay as they are.",
      extensions = @Extension(name = "x-requires", value = "CONFIGURE_SHOP"))
  @APIResponse(responseCode = "200", description = "The opening hours as stored.",
      headers = @Header(name = "ETag", ref = "ETag"),
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HoursView.class)))
  @APIResponse(responseCode = "422", ref = "Unprocessable")
  public Response changeHours(@PathParam("shopId") String shopId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                              @Valid @NotNull @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                  examples = @ExampleObject(name = "weekdays", value = """
                                      {"week": [{"day": "MONDAY", "opens": "08:00", "closes": "18:00"},
                                                {"day": "SATURDAY", "opens": "09:00", "closes": "13:00"}],
                                       "closedDays": ["2026-12-25"]}"""))) HoursRequest request) {
    Map<DayOfWeek, ShopCalendar.Hours> week = new EnumMap<>(DayOfWeek.class);
    for (DayHours day : request.week()) {
      if (week.put(day.day(), new ShopCalendar.Hours(LocalTime.parse(day.opens()), LocalTime.parse(day.closes())))
          != null) {
        throw DomainException.InvalidInput.field("week", day.day() + " is listed twice");
      }
    }
    BayService.Hours hours = floor.changeHours(caller.get(), shop(shopId), Versions.required(ifMatch), week,
        request.closedDays() == null ? List.of() : request.closedDays());
    return Response.ok(HoursView.of(hours)).tag(Versions.etag(hours.fingerprint())).build();
  }

  private static Id<Shop> shop(String shopId) {
    return RequestIds.path("shop", shopId, Id::new);
  }
}
