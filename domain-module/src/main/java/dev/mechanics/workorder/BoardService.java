package dev.mechanics.workorder;

import dev.mechanics.audit.AuditTrail;
import dev.mechanics.customer.Customer;
import dev.mechanics.customer.Vehicle;
import dev.mechanics.platform.Id;
import dev.mechanics.platform.Page;
import dev.mechanics.platform.PageRequest;
import dev.mechanics.platform.Tenancy;
import dev.mechanics.platform.TenantOwnedEntity;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The shop's board: its columns (configurable per shop, a default until then), the cards on it, and moving a
 * car from column to column with its history.
 */
@ApplicationScoped
@Transactional
public class BoardService {

  /** A work order with what the board shows next to it, loaded in a constant number of statements. */
  public record BoardEntry(WorkOrder workOrder, Customer customer, Vehicle vehicle, Totals totals) {
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
    shops.require(shop.value());
    caller.requireIn(Capability.CONFIGURE_SHOP, shop.value(), "change its board");
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
    shops.require(shop.value());
    UUID assignedTo = caller.may(Capability.SEE_ALL_WORK) ? null : caller.userId();
    List<WorkOrder> rows = workOrders.board(shop.value(), kind, page, assignedTo);
    Map<UUID, Customer> customers = byId(Customer.class, rows.stream().map(WorkOrder::getCustomerId).toList());
    Map<UUID, Vehicle> vehicles = byId(Vehicle.class, rows.stream().map(WorkOrder::getVehicleId).toList());
    List<TaxRule> rules = taxRates.rulesOf(shop.value());
    return Page.of(rows, page.limit(), WorkOrder::getId).map(w -> new BoardEntry(w, customers.get(w.getCustomerId()),
        vehicles.get(w.getVehicleId()), Totals.of(w.getLines(), rules)));
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

  private <T extends TenantOwnedEntity> Map<UUID, T> byId(Class<T> type, List<UUID> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    Map<UUID, T> found = new HashMap<>();
    em.createQuery("select e from " + type.getSimpleName() + " e where e.id in :ids", type)
        .setParameter("ids", Set.copyOf(ids)).getResultList().forEach(e -> found.put(e.getId(), e));
    return found;
  }
}
