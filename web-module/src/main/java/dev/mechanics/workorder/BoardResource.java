package dev.mechanics.workorder;

import jakarta.enterprise.context.ApplicationScoped;
import dev.mechanics.platform.Id;
import dev.mechanics.platform.web.CurrentCaller;
import dev.mechanics.platform.web.RequestIds;
import dev.mechanics.platform.web.Requires;
import dev.mechanics.tenancy.Capability;
import dev.mechanics.tenancy.Shop;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import dev.mechanics.platform.web.ContentTags;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The columns of a shop's board and the moves allowed between them. PUT replaces the board. */
@ApplicationScoped
@Path("/shops/{shopId}/board")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Shops")
public class BoardResource {

  @Inject
  BoardService board;

  @Inject
  CurrentCaller caller;

  public record ColumnRequest(@NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{0,39}",
                                  message = "must be upper-case letters, digits and _ (e.g. IN_BAY)") String code,
                              @NotBlank @Size(max = 80) String name,
                              @NotNull @Size(max = 40) List<@NotBlank String> next) {
  }

  public record BoardRequest(@NotNull @Size(min = 1, max = 30) List<@Valid @NotNull ColumnRequest> columns) {
  }

  /** The document's name for {@code {"columns": [...]}}. */
  @Schema(name = "Board")
  record BoardColumns(List<ColumnView> columns) {
  }

  public record ColumnView(String code, String name, int position, List<String> next) {
    static ColumnView of(BoardColumn c) {
      return new ColumnView(c.getCode(), c.getName(), c.getPosition(), c.getNext());
    }
  }

  @GET
  @Operation(operationId = "getBoard", summary = "Read the shop's board",
      description = "The columns of the shop's board in order, and the moves allowed from each.")
  @APIResponse(responseCode = "200", description = "The board.", headers = @Header(name = "ETag", ref = "ETag"),
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BoardColumns.class)))
  public Response get(@PathParam("shopId") String shopId) {
    return columns(board.boardOf(RequestIds.path("shop", shopId, Id::new)));
  }

  private static Response columns(Board board) {
    return Response.ok(Map.of("columns", board.columns().stream().map(ColumnView::of).toList()))
        .tag(new EntityTag(BoardService.versionOf(board))).build();
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Capability.CONFIGURE_SHOP)
  @Operation(operationId = "replaceBoard", summary = "Set up the shop's board",
      description = "Replaces the board's columns and the moves allowed between them. Owners, and managers of "
          + "this shop (a manager of another shop: 403). 422 when a column is listed twice or a move leads to an "
          + "unknown column. With `If-Match` (the `ETag` of a previous read) only that board is replaced: 412 when "
          + "someone changed it since.",
      extensions = @Extension(name = "x-requires", value = "CONFIGURE_SHOP"))
  @APIResponse(responseCode = "200", description = "The board.", headers = @Header(name = "ETag", ref = "ETag"),
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BoardColumns.class)))
  @APIResponse(responseCode = "412", ref = "PreconditionFailed")
  @APIResponse(responseCode = "422", ref = "Unprocessable")
  public Response replace(@PathParam("shopId") String shopId,
      @Parameter(description = "The `ETag` of a previous read; absent or `*`: whatever the board is now.")
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Valid @NotNull @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
          examples = @ExampleObject(name = "three columns", value = """
              {"columns": [{"code": "WAITING", "name": "Waiting", "next": ["IN_BAY"]},
                           {"code": "IN_BAY", "name": "In bay", "next": ["READY", "WAITING"]},
                           {"code": "READY", "name": "Ready for pick-up", "next": ["IN_BAY"]}]}""")))
      BoardRequest request) {
    List<BoardColumnSpec> specs = request.columns().stream()
        .map(c -> new BoardColumnSpec(c.code(), c.name().trim(), List.copyOf(c.next()))).toList();
    return columns(board.configure(caller.get(), RequestIds.path("shop", shopId, Id::new),
        ContentTags.expected(ifMatch, "board"), specs));
  }
}
