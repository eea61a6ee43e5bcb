package dev.mechanics.workorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mechanics.customer.Customer;
import dev.mechanics.customer.Vehicle;
import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.Id;
import dev.mechanics.platform.Ids;
import dev.mechanics.platform.Money;
import dev.mechanics.tenancy.Shop;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The work order's life from estimate to invoice, and the board's moves, without a server. */
class WorkOrderLifecycleTest {

  private static final UUID ORGANIZATION = Ids.newId();
  private static final Money SHOP_RATE = Money.of("100.00");

  private static WorkOrder estimate() {
    return new WorkOrder(ORGANIZATION, new Id<Shop>(Ids.newId()), "WO-000001", new Id<Customer>(Ids.newId()),
        new Id<Vehicle>(Ids.newId()), "WAITING", Ids.newId());
  }

  private static LineDetails labor(String hours) {
    return new LineDetails(LineType.LABOR, "Replace pads", new BigDecimal(hours), null, null, null, null, null, null,
        true);
  }

  private static LineDetails part(String quantity, String price) {
    return new LineDetails(LineType.PART, "Pads", null, null, null, "P-1", new BigDecimal(quantity), Money.of("20.00"),
        Money.of(price), true);
  }

  @Test
  void anEstimateBecomesARepairOrderOnceAndOnlyARepairOrderIsInvoiced() {
    WorkOrder workOrder = estimate();
    assertThat(workOrder.getKind()).isEqualTo(WorkOrderKind.ESTIMATE);
    assertThatThrownBy(workOrder::markInvoiced).isInstanceOf(DomainException.Conflict.class)
        .hasMessageContaining("still an estimate");
    workOrder.startRepair();
    assertThat(workOrder.getKind()).isEqualTo(WorkOrderKind.REPAIR_ORDER);
    assertThatThrownBy(workOrder::startRepair).isInstanceOf(DomainException.Conflict.class);
    workOrder.markInvoiced();
    assertThat(workOrder.getKind()).isEqualTo(WorkOrderKind.INVOICED);
    assertThatThrownBy(workOrder::markInvoiced).isInstanceOf(DomainException.Conflict.class)
        .hasMessageContaining("already invoiced");
  }

  @Test
  void anInvoicedWorkOrderIsFrozen() {
    WorkOrder workOrder = estimate();
    WorkOrderLine line = workOrder.addLine(labor("1.5"), SHOP_RATE);
    workOrder.startRepair();
    workOrder.markInvoiced();
    assertThatThrownBy(() -> workOrder.addLine(labor("1"), SHOP_RATE)).isInstanceOf(DomainException.Conflict.class)
        .hasMessageContaining("credit note");
    assertThatThrownBy(() -> workOrder.changeLine(line.getId(), labor("2"), SHOP_RATE))
        .isInstanceOf(DomainException.Conflict.class);
    assertThatThrownBy(() -> workOrder.removeLine(line.getId())).isInstanceOf(DomainException.Conflict.class);
    assertThatThrownBy(() -> workOrder.describe(1000, "noise", null, null, List.of(), null))
        .isInstanceOf(DomainException.Conflict.class);
    assertThatThrownBy(workOrder::startRepair).isInstanceOf(DomainException.Conflict.class);
  }

  @Test
  void linesArePricedOnceAndNumberedInOrder() {
    WorkOrder workOrder = estimate();
    WorkOrderLine labor = workOrder.addLine(labor("1.25"), SHOP_RATE);
    WorkOrderLine part = workOrder.addLine(part("3", "12.33"), SHOP_RATE);
    assertThat(labor.getAmount()).isEqualTo(Money.of("125.00"));
    assertThat(labor.getRate()).isEqualByComparingTo("100.00");
    assertThat(part.getAmount()).isEqualTo(Money.of("36.99"));
    assertThat(List.of(labor.getPosition(), part.getPosition())).containsExactly(1, 2);
    workOrder.removeLine(labor.getId());
    assertThat(workOrder.addLine(part("1", "1.00"), SHOP_RATE).getPosition()).isEqualTo(3);
    assertThatThrownBy(() -> workOrder.line(Ids.newId())).isInstanceOf(DomainException.NotFound.class);
  }

  @Test
  void aChangedLineNeedsApprovalAgain() {
    WorkOrder workOrder = estimate();
    WorkOrderLine line = workOrder.addLine(part("1", "10.00"), SHOP_RATE);
    line.decide(LineApproval.APPROVED);
    workOrder.changeLine(line.getId(), part("2", "10.00"), SHOP_RATE);
    assertThat(line.getApproval()).isEqualTo(LineApproval.PENDING);
  }

  @Test
  void anIncompleteLineIsRefusedOnAWorkOrderAndInACannedJobAlike() {
    LineDetails noHours = new LineDetails(LineType.LABOR, "Diagnose", null, null, null, null, null, null, null, true);
    LineDetails noPrice = new LineDetails(LineType.FEE, "Shop supplies", null, null, null, null, null, null, null,
        true);
    assertThatThrownBy(noHours::requireComplete).isInstanceOf(DomainException.InvalidInput.class)
        .hasMessage("a labor line needs hours");
    assertThatThrownBy(noPrice::requireComplete).isInstanceOf(DomainException.InvalidInput.class)
        .hasMessage("a fee line needs a unitPrice");
    assertThatThrownBy(() -> estimate().addLine(noHours, SHOP_RATE)).isInstanceOf(DomainException.InvalidInput.class);
  }

  @Test
  void aTechnicianIsAssignedOnTheWorkOrderOrOnALine() {
    UUID tess = Ids.newId();
    WorkOrder onOrder = estimate();
    onOrder.describe(null, null, null, null, List.of(tess), null);
    WorkOrder onLine = estimate();
    onLine.addLine(new LineDetails(LineType.LABOR, "Pads", BigDecimal.ONE, null, tess, null, null, null, null, true),
        SHOP_RATE);
    assertThat(onOrder.isAssignedTo(tess)).isTrue();
    assertThat(onLine.isAssignedTo(tess)).isTrue();
    assertThat(estimate().isAssignedTo(tess)).isFalse();
  }

  @Test
  void aCarMovesOnlyAlongTheBoardsColumns() {
    Board board = board();
    assertThat(board.firstColumn()).isEqualTo("WAITING");
    board.requireMove("WAITING", "IN_BAY");
    assertThatThrownBy(() -> board.requireMove("WAITING", "READY")).isInstanceOf(DomainException.Conflict.class)
        .hasMessageContaining("allowed: IN_BAY");
    assertThatThrownBy(() -> board.requireMove("WAITING", "ON_THE_MOON"))
        .isInstanceOf(DomainException.InvalidInput.class);
    // a car in a column the board no longer has may go to any column of it
    board.requireMove("GONE", "READY");
  }

  @Test
  void aBoardHasColumnsEachOnceAndLeadsNowhereElse() {
    Board.requireValid(Board.DEFAULT);
    assertThatThrownBy(() -> Board.requireValid(List.of())).isInstanceOf(DomainException.InvalidInput.class);
    assertThatThrownBy(() -> Board.requireValid(List.of(new BoardColumnSpec("A", "A", List.of()),
        new BoardColumnSpec("A", "Again", List.of())))).isInstanceOf(DomainException.InvalidInput.class);
    assertThatThrownBy(() -> Board.requireValid(List.of(new BoardColumnSpec("A", "A", List.of("NOPE")))))
        .isInstanceOf(DomainException.InvalidInput.class).hasMessageContaining("unknown column NOPE");
  }

  @Test
  void timeInStatusAddsUpTheHistoryAndCountsTheCurrentStatusUntilNow() {
    WorkOrder workOrder = estimate();
    UUID by = Ids.newId();
    StatusChange first = new StatusChange(workOrder, null, "WAITING", by);
    StatusChange second = workOrder.moveTo("IN_BAY", by);
    StatusChange third = workOrder.moveTo("WAITING", by);
    Instant now = third.getChangedAt().plusSeconds(60);
    var spent = StatusChange.timeInStatus(List.of(first, second, third), now);
    assertThat(spent.keySet()).containsExactly("WAITING", "IN_BAY");
    assertThat(spent.get("WAITING")).isGreaterThanOrEqualTo(Duration.ofSeconds(60));
    assertThat(workOrder.getStatus()).isEqualTo("WAITING");
  }

  @Test
  void workOrderNumbersHaveSixDigits() {
    assertThat(NumberSequences.workOrderNumber(123)).isEqualTo("WO-000123");
  }

  private static Board board() {
    UUID shop = Ids.newId();
    List<BoardColumn> columns = new ArrayList<>();
    for (BoardColumnSpec spec : Board.DEFAULT) {
      columns.add(new BoardColumn(ORGANIZATION, shop, spec.code(), spec.name(), columns.size() + 1, spec.next()));
    }
    return new Board(columns);
  }
}
