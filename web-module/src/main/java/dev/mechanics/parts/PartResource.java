package dev.mechanics.parts;

import jakarta.enterprise.context.ApplicationScoped;
import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.Money;
import dev.mechanics.platform.Page;
import dev.mechanics.platform.PageRequest;
import dev.mechanics.platform.web.CurrentCaller;
import dev.mechanics.platform.web.Listing;
import dev.mechanics.platform.web.RequestIds;
import dev.mechanics.platform.web.Requires;
import dev.mechanics.platform.web.Versions;
import dev.mechanics.tenancy.Capability;
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
import java.util.ArrayList;
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

/** The organization's parts catalogue and its pricing matrix. */
@ApplicationScoped
@Path("/parts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Parts")
public class PartResource {

  private static final String MONEY = "\\d{1,12}(\\.\\d{1,2})?";
  private static final String MONEY_MESSAGE = "must be an amount such as \"12.50\" (at most two decimal places, "
      + "not negative)";

  @Inject
  PartService parts;

  @Inject
  CurrentCaller caller;

  public record PartRequest(@NotBlank @Size(max = 60) String partNumber, @Size(max = 80) String brand,
                            @NotBlank @Size(max = 500) String description, @Size(max = 120) String vendor,
                            @NotNull @jakarta.validation.constraints.Pattern(regexp = MONEY, message = MONEY_MESSAGE)
                            String unitCost,
                            @jakarta.validation.constraints.Pattern(regexp = MONEY, message = MONEY_MESSAGE)
                            String sellingPrice,
                            @Size(max = 40) String taxCategory,
                            @jakarta.validation.constraints.Pattern(regexp = MONEY, message = MONEY_MESSAGE)
                            String coreCharge) {
    PartDetails details() {
      return new PartDetails(partNumber.trim(), blank(brand), description.trim(), blank(vendor),
          Money.parse(unitCost, "unitCost"), sellingPrice == null ? null : Money.parse(sellingPrice, "sellingPrice"),
          blank(taxCategory), coreCharge == null ? null : Money.parse(coreCharge, "coreCharge"));
    }
  }

  static String blank(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }

  private static final String EXAMPLE = """
      {"partNumber": "BP-1234", "brand": "Brembo", "description": "Front brake pad set", "vendor": "Parts Co",
       "unitCost": "38.00", "taxCategory": "STANDARD"}""";

  @GET
  @Operation(operationId = "searchParts", summary = "Search the parts catalogue",
      description = "Parts whose number starts with `q`, or whose description or brand contains it (no `q`: "
          + "all), each with its price and its availability in every shop. Costs only for those who see costs.")
  @APIResponse(responseCode = "200", description = "One page of parts.",
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(implementation = PartViews.PartList.class)))
  public Listing<PartViews.PartView> search(
      @Parameter(description = "Text to look for") @QueryParam("q") String q,
      @QueryParam("limit") String limit, @QueryParam("after") String after) {
    if (q != null && q.length() > 100) {
      throw new DomainException.Malformed("q", "q must be at most 100 characters");
    }
    PageRequest page = Listing.request(limit, after);
    Page<PartService.PartWithStock> found = parts.search(q, page);
    boolean costs = PartViews.seesCosts(caller.get());
    return Listing.of(found, p -> PartViews.PartView.of(p, costs));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Capability.MANAGE_PARTS)
  @Operation(operationId = "createPart", summary = "Add a part to the catalogue",
      description = "Adds a part; without `sellingPrice` it sells at the pricing matrix's price for its cost. 409 "
          + "when the part number is already in the catalogue; 422 for an amount that is not one.",
      extensions = @Extension(name = "x-requires", value = "MANAGE_PARTS"))
  @APIResponse(responseCode = "201", description = "The part.",
      headers = {@Header(name = "Location", ref = "Location"), @Header(name = "ETag", ref = "ETag")},
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(implementation = PartViews.PartView.class)))
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "422", ref = "Unprocessable")
  public Response create(@Valid @NotNull @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                             examples = @ExampleObject(name = "brake pads", value = EXAMPLE))) PartRequest request,
                         @Context UriInfo uri) {
    Part part = parts.create(request.details());
    return Response.created(uri.getAbsolutePathBuilder().path(part.getId().toString()).build())
        .entity(PartViews.PartView.of(parts.get(part.getId()), PartViews.seesCosts(caller.get())))
        .tag(Versions.etag(part.getVersion())).build();
  }

  @GET
  @Path("/{id}")
  @Operation(operationId = "getPart", summary = "A catalogue part",
      description = "The part with its price and its stock in every shop that holds it.")
  @APIResponse(responseCode = "200", description = "The part.", headers = @Header(name = "ETag", ref = "ETag"),
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(implementation = PartViews.PartView.class)))
  public Response get(@PathParam("id") String id) {
    PartService.PartWithStock part = parts.get(RequestIds.path("part", id));
    return Response.ok(PartViews.PartView.of(part, PartViews.seesCosts(caller.get())))
        .tag(Versions.etag(part.part().getVersion())).build();
  }

  @PUT
  @Path("/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Capability.MANAGE_PARTS)
  @Operation(operationId = "changePart", summary = "Change a catalogue part",
      description = "Replaces the part's details; `If-Match` is its `ETag`. Lines already on work orders keep "
          + "their prices. 409 when the new part number is taken; 422 as for adding a part.",
      extensions = @Extension(name = "x-requires", value = "MANAGE_PARTS"))
  @APIResponse(responseCode = "200", description = "The part.", headers = @Header(name = "ETag", ref = "ETag"),
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(implementation = PartViews.PartView.class)))
  @APIResponse(responseCode = "409", ref = "Conflict")
  @APIResponse(responseCode = "422", ref = "Unprocessable")
  public Response change(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                         @Valid @NotNull @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                             examples = @ExampleObject(name = "brake pads", value = EXAMPLE))) PartRequest request) {
    UUID partId = RequestIds.path("part", id);
    long version = Versions.required(ifMatch);
    Part part = parts.change(partId, version, request.details());
    return Response.ok(PartViews.PartView.of(parts.get(partId), PartViews.seesCosts(caller.get())))
        .tag(Versions.etag(part.getVersion())).build();
  }

  public record TierRequest(@jakarta.validation.constraints.Pattern(regexp = MONEY, message = MONEY_MESSAGE)
                            String upToCost,
                            @NotNull @jakarta.validation.constraints.Pattern(regexp = "\\d{1,4}(\\.\\d{1,2})?",
                                message = "must be a percentage such as \"35\" or \"12.5\"") String markupPercent) {
  }

  public record MatrixRequest(@NotNull @Size(min = 1, max = 20) List<@Valid @NotNull TierRequest> tiers) {
    PriceMatrix matrix() {
      List<PriceMatrix.Tier> list = new ArrayList<>();
      for (int i = 0; i < tiers.size(); i++) {
        TierRequest t = tiers.get(i);
        list.add(new PriceMatrix.Tier(t.upToCost() == null ? null
            : Money.parse(t.upToCost(), "tiers[" + i + "].upToCost"), new java.math.BigDecimal(t.markupPercent())));
      }
      return new PriceMatrix(list);
    }
  }

  @GET
  @Path("/pricing-matrix")
  @Requires(Capability.SEE_COSTS)
  @Operation(operationId = "getPricingMatrix", summary = "The parts-pricing matrix",
      description = "Markup tiers by unit cost that price the parts without their own selling price (none set: "
          + "at cost, version 0).",
      extensions = @Extension(name = "x-requires", value = "SEE_COSTS"))
  @APIResponse(responseCode = "200", description = "The matrix.", headers = @Header(name = "ETag", ref = "ETag"),
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(implementation = PartViews.MatrixView.class)))
  public Response matrix() {
    PartService.Matrix matrix = parts.matrix();
    return Response.ok(PartViews.MatrixView.of(matrix)).tag(Versions.etag(matrix.version())).build();
  }

  @PUT
  @Path("/pricing-matrix")
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Capability.MANAGE_PARTS)
  @Operation(operationId = "replacePricingMatrix", summary = "Replace the parts-pricing matrix",
      description = "Replaces the tiers (audited); `If-Match` is the matrix's `ETag` (\"0\" before the first). 422 "
          + "unless the upper bounds rise and the last tier has none.",
      extensions = @Extension(name = "x-requires", value = "MANAGE_PARTS"))
  @APIResponse(responseCode = "200", description = "The matrix.", headers = @Header(name = "ETag", ref = "ETag"),
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(implementation = PartViews.MatrixView.class)))
  @APIResponse(responseCode = "422", ref = "Unprocessable")
  public Response replaceMatrix(@HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                @Valid @NotNull @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                    examples = @ExampleObject(name = "three tiers", value = """
                                        {"tiers": [{"upToCost": "10.00", "markupPercent": "100"},
                                          {"upToCost": "50.00", "markupPercent": "60"}, {"markupPercent": "35"}]}""")))
                                MatrixRequest request) {
    long version = Versions.required(ifMatch);
    PartService.Matrix matrix = parts.replaceMatrix(version, request.matrix());
    return Response.ok(PartViews.MatrixView.of(matrix)).tag(Versions.etag(matrix.version())).build();
  }
}
