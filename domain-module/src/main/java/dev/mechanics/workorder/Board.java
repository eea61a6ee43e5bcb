package dev.mechanics.workorder;

import dev.mechanics.platform.DomainException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A shop's board as rules: its columns in order, and where a car may move from each. */
public record Board(List<BoardColumn> columns) {

  /** The board every shop starts with until it configures its own. */
  static final List<BoardColumnSpec> DEFAULT = List.of(
      new BoardColumnSpec("WAITING", "Waiting", List.of("IN_BAY")),
      new BoardColumnSpec("IN_BAY", "In bay", List.of("WAITING_PARTS", "QUALITY_CHECK", "WAITING")),
      new BoardColumnSpec("WAITING_PARTS", "Waiting for parts", List.of("IN_BAY")),
      new BoardColumnSpec("QUALITY_CHECK", "Quality check", List.of("IN_BAY", "READY")),
      new BoardColumnSpec("READY", "Ready for pick-up", List.of("IN_BAY")));

  public Board {
    columns = List.copyOf(columns);
  }

  /** Where a new work order starts. */
  public String firstColumn() {
    return columns.get(0).getCode();
  }

  /**
   * 422 when {@code to} is not a column of this board; 409 when the column the car is in does not lead there
   * (a car in a column the board no longer has may go anywhere on it).
   */
  public void requireMove(String from, String to) {
    Map<String, BoardColumn> byCode = columns.stream()
        .collect(Collectors.toMap(BoardColumn::getCode, Function.identity()));
    if (!byCode.containsKey(to)) {
      throw DomainException.InvalidInput.field("status", "is not a column of this shop's board: "
          + String.join(", ", byCode.keySet()));
    }
    BoardColumn current = byCode.get(from);
    if (current != null && !current.getNext().contains(to)) {
      throw new DomainException.Conflict("A work order in " + from + " cannot move to " + to + "; allowed: "
          + (current.getNext().isEmpty() ? "none" : String.join(", ", current.getNext())));
    }
  }

  /** 422 unless the columns are a board: at least one, each code once, every move to a column of the board. */
  public static void requireValid(List<BoardColumnSpec> specs) {
    Set<String> codes = specs.stream().map(BoardColumnSpec::code).collect(Collectors.toSet());
    if (codes.size() != specs.size() || specs.isEmpty()) {
      throw DomainException.InvalidInput.field("columns", "needs at least one column, each code once");
    }
    for (BoardColumnSpec spec : specs) {
      for (String next : spec.next()) {
        if (!codes.contains(next)) {
          throw DomainException.InvalidInput.field("columns", spec.code() + " leads to unknown column " + next);
        }
      }
    }
  }
}
