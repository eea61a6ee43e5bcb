package dev.mechanics.workorder;

import dev.mechanics.audit.AuditTrail;
import dev.mechanics.platform.ContentVersion;
import dev.mechanics.platform.Id;
import dev.mechanics.platform.Money;
import dev.mechanics.platform.Page;
import dev.mechanics.platform.PageRequest;
import dev.mechanics.platform.Tenancy;
import dev.mechanics.tenancy.Caller;
import dev.mechanics.tenancy.Capability;
import dev.mechanics.tenancy.Shop;
import dev.mechanics.tenancy.Shops;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The shop's board: its columns (configurable per shop, a default until then), the cards on it, and moving a
 * car from column to column with its history.
 */
@ApplicationScoped
@Transactional
public class BoardService {

  /** A card of the board and its work order's total with taxes, read in a constant number of statements. */
  public record BoardEntry(WorkOrders.BoardRow card, Money total) {
  }

  @Inject
  BoardColumns columns;

  @Inject
  WorkOrders workOrders;

  @Inject
  TaxRates taxRates;

  @Inject
  Shops shops;

  @Inject
  AuditTrail audit;

  @PersistenceContext(unitName = "mechanics")
  EntityManager em;

  /**
   * The shop's board (404 for another organization's shop); the default board is written on first use, once
   * however many requests ask at the same moment.
   */
  public Board boardOf(Id<Shop> shop) {
    UUID shopId = shop.value();
    shops.require(shopId);
    List<BoardColumn> configured = columns.of(shopId);
    return new Board(configured.isEmpty() ? columns.ensure(Tenancy.current(), shopId, Board.DEFAULT) : configured);
  }

  /** Replaces the shop's board: its owners and managers only. */
  public Board configure(Caller caller, Id<Shop> shop, List<BoardColumnSpec> specs) {
    return configure(caller, shop, null, specs);
  }

  /** The board's version (the ETag): a digest of its columns in order. */
  public static String versionOf(Board board) {
    return ContentVersion.of(board.columns().stream()
        .map(c -> c.getCode() + "|" + c.getName() + "|" + c.getPosition() + "|" + c.getNext()).toList());
  }

  /** Replaces the board if it is still the one of {@code expectedVersion} (null: whatever it is), else 412. */
  public Board configure(Caller caller, Id<Shop> shop, String expectedVersion, List<BoardColumnSpec> specs) {
    shops.require(shop.value());
    caller.requireIn(Capability.CONFIGURE_SHOP, shop.value(), "change its board");
    shops.requireForUpdate(shop.value());
    if (expectedVersion != null && !expectedVersion.equals(versionOf(boardOf(shop)))) {
      throw new dev.mechanics.platform.DomainException.StaleVersion("board");
    }
    Board.requireValid(specs);
    return new Board(write(shop.value(), specs));
  }

  private List<BoardColumn> write(UUID shopId, List<BoardColumnSpec> specs) {
    List<BoardColumn> board = new ArrayList<>();
    for (BoardColumnSpec spec : specs) {
      board.add(new BoardColumn(Tenancy.current(), shopId, spec.code(), spec.name(), board.size() + 1,
          spec.next()));
    }
    columns.replace(shopId, board);
    return columns.of(shopId);
  }

  /** The board as {@code caller} sees it: a technician's board holds only the work assigned to them. */
  public Page<BoardEntry> cards(Caller caller, Id<Shop> shop, WorkOrderKind kind, PageRequest page) {
    UUID assignedTo = caller.may(Capability.SEE_ALL_WORK) ? null : caller.userId();
    // two statements (issue 12): the cards with customers, vehicles and their lines summed, the shop's tax rates;
    // cards of the caller's organization prove that the shop exists, so only an empty page asks (404 or empty)
    List<WorkOrders.BoardRow> rows = workOrders.board(shop.value(), kind, page, assignedTo);
    if (rows.isEmpty()) {
      shops.require(shop.value());
    }
    List<TaxRule> rules = rows.isEmpty() ? List.of() : taxRates.rulesOf(shop.value());
    return Page.of(rows, page.limit(), WorkOrders.BoardRow::id)
        .map(r -> new BoardEntry(r, Totals.of(r.lineSums(), rules).total()));
  }

  /** Moves the car to another column, as the shop's board allows; the move is kept in the history. */
  public WorkOrder moveTo(Id<WorkOrder> id, String status, UUID by) {
    WorkOrder workOrder = workOrders.require(id.value());
    boardOf(new Id<>(workOrder.getShopId())).requireMove(workOrder.getStatus(), status);
    String from = workOrder.getStatus();
    workOrders.add(workOrder.moveTo(status, by));
    audit.record("work-order.status-changed", "work-order", workOrder.getId(), workOrder.getShopId(),
        Map.of("status", from == null ? "" : from), Map.of("status", status));
    return workOrders.touch(workOrder, WorkOrderChange.STATUS);
  }

  /**
   * Who may follow the shop's board live: 404 for an unknown shop (another organization's too), 403 unless the
   * caller works in it or owns the organization. True when the caller hears only of work assigned to them.
   */
  public boolean watch(Caller caller, Id<Shop> shop) {
    shops.require(shop.value());
    caller.requireIn(Capability.WATCH_BOARD, shop.value(), "follow its board");
    return !caller.may(Capability.SEE_ALL_WORK);
  }

  public List<StatusChange> history(Id<WorkOrder> id) {
    workOrders.require(id.value());
    return workOrders.history(id.value());
  }
}
