package dev.mechanics.workorder;

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
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/** The columns of a shop's board and the moves allowed between them. PUT replaces the board. */
@Path("/shops/{shopId}/board")
@Produces(MediaType.APPLICATION_JSON)
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

  public record ColumnView(String code, String name, int position, List<String> next) {
    static ColumnView of(BoardColumn c) {
      return new ColumnView(c.getCode(), c.getName(), c.getPosition(), c.getNext());
    }
  }

  @GET
  public Map<String, List<ColumnView>> get(@PathParam("shopId") String shopId) {
    return Map.of("columns", board.boardOf(RequestIds.path("shop", shopId, Id::new)).columns().stream()
        .map(ColumnView::of).toList());
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Capability.CONFIGURE_SHOP)
  public Map<String, List<ColumnView>> replace(@PathParam("shopId") String shopId,
                                               @Valid @NotNull BoardRequest request) {
    List<BoardColumnSpec> specs = request.columns().stream()
        .map(c -> new BoardColumnSpec(c.code(), c.name().trim(), List.copyOf(c.next()))).toList();
    return Map.of("columns", board.configure(caller.get(), RequestIds.path("shop", shopId, Id::new), specs)
        .columns().stream()
        .map(ColumnView::of).toList());
  }
}
