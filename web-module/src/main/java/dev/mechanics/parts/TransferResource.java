package dev.mechanics.parts;

import jakarta.enterprise.context.ApplicationScoped;
import dev.mechanics.platform.Id;
import dev.mechanics.platform.web.CurrentCaller;
import dev.mechanics.platform.web.Listing;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.util.List;
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

/** Transfers of parts between two shops of the organization. */
@ApplicationScoped
@Path("/transfers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Parts")
public class TransferResource {

  private static final String REPLAYED = "Idempotent-Replayed";

  @Inject
  TransferService transfers;

  @Inject
  CurrentCaller caller;

  public record TransferLineRequest(@NotBlank String partId, @NotNull String quantity) {
  }

  public record TransferRequest(@NotBlank String fromShopId, @NotBlank String toShopId, String workOrderLineId,
                                @NotNull @Size(min = 1, max = 200) List<@Valid @NotNull TransferLineRequest> lines) {
  }

  public record ReceivedLineRequest(@NotBlank String lineId, @NotNull String quantity) {
  }

  public record TransferReceiptRequest(@NotNull @Size(max = 200) List<@Valid @NotNull ReceivedLineRequest> lines,
                                       boolean complete, @Size(max = 500) String discrepancyReason) {
  }

  static Response ok(Transfer transfer) {
    return Response.ok(OrderViews.TransferView.of(transfer)).tag(Versions.etag(transfer.getVersion())).build();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Capability.HANDLE_STOCK)
  @Operation(operationId = "requestTransfer", summary = "Request a transfer between two shops",
      description = "Parts to move from one shop of the organization to another (those who handle stock in either "
          + "shop), exactly once per `Idempotency-Key`. `workOrderLineId`: a catalogue part line of the receiving "
          + "shop the transfer fills first. 422 for a shop or part of no catalogue of the organization, the same "
          + "shop twice, a quantity that is not positive, or a key used with another body.",
      extensions = @Extension(name = "x-requires", value = "HANDLE_STOCK"))
  @APIResponse(responseCode = "201", description = "The transfer (the same again for a retry with the key).",
      headers = {@Header(name = "Location", ref = "Location"), @Header(name = "ETag", ref = "ETag"),
          @Header(name = "Idempotent-Replayed", ref = "IdempotentReplayed")},
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(implementation = OrderViews.TransferView.class)))
  @APIResponse(responseCode = "422", ref = "Unprocessable")
  public Response request(@HeaderParam("Idempotency-Key") String key,
                          @Valid @NotNull @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                              examples = @ExampleObject(name = "pads", value = """
                                  {"fromShopId": "0193f1c2-0000-7000-8000-000000000001",
                                   "toShopId": "0193f1c2-0000-7000-8000-000000000002",
                                   "lines": [{"partId": "0193f1c2-0000-7000-8000-000000000010", "quantity": "2"}]}""")))
                          TransferRequest request, @Context UriInfo uri) {
    UUID from = RequestIds.field("fromShopId", request.fromShopId());
    UUID to = RequestIds.field("toShopId", request.toShopId());
    UUID line = RequestIds.field("workOrderLineId", request.workOrderLineId());
    java.util.ArrayList<TransferService.Line> lines = new java.util.ArrayList<>();
    for (int i = 0; i < request.lines().size(); i++) {
      TransferLineRequest l = request.lines().get(i);
      lines.add(new TransferService.Line(RequestIds.field("lines[" + i + "].partId", l.partId()),
          Quantities.positive(l.quantity(), "lines[" + i + "].quantity")));
    }
    TransferService.Result result = transfers.request(caller.get(), from, to, lines, line, key);
    Transfer transfer = result.transfer();
    return Response.created(uri.getAbsolutePathBuilder().path(transfer.getId().toString()).build())
        .entity(OrderViews.TransferView.of(transfer)).tag(Versions.etag(transfer.getVersion()))
        .header(REPLAYED, Boolean.toString(result.replayed())).build();
  }

  @GET
  @Path("/{id}")
  @Operation(operationId = "getTransfer", summary = "A transfer",
      description = "The transfer with, per line, what is in transit, received and missing.")
  @APIResponse(responseCode = "200", description = "The transfer.", headers = @Header(name = "ETag", ref = "ETag"),
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(implementation = OrderViews.TransferView.class)))
  public Response get(@PathParam("id") String id) {
    return ok(transfers.get(RequestIds.path("transfer", id)));
  }

  @POST
  @Path("/{id}/ship")
  @Requires(Capability.HANDLE_STOCK)
  @Operation(operationId = "shipTransfer", summary = "Ship a transfer",
      description = "The parts leave the sending shop's stock at its average cost and are in transit (those who "
          + "handle stock in the sending shop); `If-Match` is the transfer's `ETag`. 409 unless it is REQUESTED "
          + "or when the sending shop has not enough available.",
      extensions = @Extension(name = "x-requires", value = "HANDLE_STOCK"))
  @APIResponse(responseCode = "200", description = "The transfer.", headers = @Header(name = "ETag", ref = "ETag"),
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(implementation = OrderViews.TransferView.class)))
  @APIResponse(responseCode = "409", ref = "Conflict")
  public Response ship(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
    UUID transferId = RequestIds.path("transfer", id);
    return ok(transfers.ship(caller.get(), transferId, Versions.required(ifMatch)));
  }

  @POST
  @Path("/{id}/receipts")
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Capability.HANDLE_STOCK)
  @Operation(operationId = "receiveTransfer", summary = "Receive a transfer",
      description = "Books what arrived at the receiving shop (those who handle stock there), exactly once per "
          + "`Idempotency-Key`. `complete: true` closes the transfer: what is still in transit becomes missing "
          + "(the discrepancy) and needs `discrepancyReason`; otherwise it stays in transit. 409 unless SHIPPED or "
          + "PARTLY_RECEIVED; 422 beyond what is in transit, for a negative quantity, or a key used with another body.",
      extensions = @Extension(name = "x-requires", value = "HANDLE_STOCK"))
  @APIResponse(responseCode = "200", description = "The transfer after the receipt.",
      headers = {@Header(name = "ETag", ref = "ETag"), @Header(name = "Idempotent-Replayed", ref = "IdempotentReplayed")},
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(implementation = OrderViews.TransferView.class)))
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "422", ref = "Unprocessable")
  public Response receive(@PathParam("id") String id, @HeaderParam("Idempotency-Key") String key,
                          @Valid @NotNull @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                              examples = @ExampleObject(name = "short", value = """
                                  {"lines": [{"lineId": "0193f1c2-0000-7000-8000-000000000030", "quantity": "3"}],
                                   "complete": true, "discrepancyReason": "One box damaged in the van"}""")))
                          TransferReceiptRequest request) {
    UUID transferId = RequestIds.path("transfer", id);
    java.util.ArrayList<TransferService.Received> received = new java.util.ArrayList<>();
    for (int i = 0; i < request.lines().size(); i++) {
      ReceivedLineRequest l = request.lines().get(i);
      received.add(new TransferService.Received(RequestIds.field("lines[" + i + "].lineId", l.lineId()),
          Quantities.zeroOrMore(l.quantity(), "lines[" + i + "].quantity")));
    }
    TransferService.Result result = transfers.receive(caller.get(), transferId, received, request.complete(),
        request.discrepancyReason(), key);
    return Response.ok(OrderViews.TransferView.of(result.transfer()))
        .tag(Versions.etag(result.transfer().getVersion()))
        .header(REPLAYED, Boolean.toString(result.replayed())).build();
  }

  @POST
  @Path("/{id}/cancel")
  @Requires(Capability.HANDLE_STOCK)
  @Operation(operationId = "cancelTransfer", summary = "Cancel a transfer",
      description = "Before shipping only (those who handle stock in either shop); `If-Match` is its `ETag`. 409 "
          + "once shipped.",
      extensions = @Extension(name = "x-requires", value = "HANDLE_STOCK"))
  @APIResponse(responseCode = "200", description = "The transfer.", headers = @Header(name = "ETag", ref = "ETag"),
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(implementation = OrderViews.TransferView.class)))
  @APIResponse(responseCode = "409", ref = "Conflict")
  public Response cancel(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
    UUID transferId = RequestIds.path("transfer", id);
    return ok(transfers.cancel(caller.get(), transferId, Versions.required(ifMatch)));
  }
}
