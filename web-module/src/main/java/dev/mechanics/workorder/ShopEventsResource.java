package dev.mechanics.workorder;

import jakarta.enterprise.context.ApplicationScoped;
import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.Id;
import dev.mechanics.platform.web.CurrentCaller;
import dev.mechanics.platform.web.RequestIds;
import dev.mechanics.platform.web.Requires;
import dev.mechanics.tenancy.Caller;
import dev.mechanics.tenancy.Capability;
import dev.mechanics.tenancy.Shop;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The live board: a shop's work-order changes as server-sent events, from every server instance. */
@ApplicationScoped
@Path("/shops/{shopId}/events")
@Tag(name = "Shops")
public class ShopEventsResource {

  @Inject
  BoardService board;

  @Inject
  BoardEvents events;

  @Inject
  CurrentCaller caller;

  @GET
  @Produces(MediaType.SERVER_SENT_EVENTS)
  @Requires(Capability.WATCH_BOARD)
  @Operation(operationId = "watchShopEvents", summary = "Follow the shop's board live",
      description = "A `text/event-stream` that stays open: each committed change to a work order of the shop "
          + "(on any server instance) is an event `work-order` whose `id` grows monotonically and whose `data` is "
          + "`{\"workOrderId\", \"shopId\", \"status\", \"version\", \"change\"}`: `version` is the ETag a GET of "
          + "the work order answers (quotes included), `change` one of `created`, `status`, `lines`, "
          + "`assignment` (the work order's description, technicians included), `approval`, `invoice`, "
          + "`payment`. No customer data or money: the board reads the work order for those. A comment "
          + "(`: keep-alive`) every 15 s keeps proxies from closing it. After a reconnect, `Last-Event-ID` "
          + "replays up to 500 events missed since that id (more: reload the board). The shop's staff and the "
          + "organization's owners; a technician hears only of work assigned to them. 403 for staff of another "
          + "shop.",
      extensions = @Extension(name = "x-requires", value = "WATCH_BOARD"))
  @APIResponse(responseCode = "200", description = "The event stream (it does not end by itself).",
      content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(type =
          org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, example = """
          id: 42
          event: work-order
          data: {"workOrderId":"0193f1c2-0000-7000-8000-000000000005","shopId":"0193f1c2-0000-7000-8000-000000000001","status":"IN_PROGRESS","version":"\\"4\\"","change":"status"}
          """)))
  public void watch(@PathParam("shopId") String shopId,
                    @Parameter(in = ParameterIn.HEADER, name = "Last-Event-ID", description = "The id of the last "
                        + "event received before the stream broke: the missed events come first.",
                        schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                            pattern = "^[0-9]{1,18}$"))
                    @HeaderParam("Last-Event-ID") String lastEventId,
                    @Context SseEventSink sink, @Context Sse sse) {
    Id<Shop> shop = RequestIds.path("shop", shopId, Id::new);
    Caller who = caller.get();
    boolean assignedOnly = board.watch(who, shop);
    Long since = null;
    if (lastEventId != null && !lastEventId.isBlank()) {
      if (!lastEventId.strip().matches("\\d{1,18}")) {
        throw new DomainException.Malformed("Last-Event-ID", "Last-Event-ID must be the id of an event");
      }
      since = Long.parseLong(lastEventId.strip());
    }
    events.subscribe(new BoardEvents.Subscriber(who.organizationId(), shop.value(), who.userId(), assignedOnly,
        sink, sse), since);
  }
}
