package dev.mechanics.workorder;

import dev.mechanics.platform.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A column of a shop's board (waiting, in bay, ...) and the columns a car may move to from it. */
@Entity
@Table(name = "board_columns")
public class BoardColumn extends TenantOwnedEntity {

  @Column(name = "shop_id", nullable = false, updatable = false)
  private UUID shopId;

  @Column(nullable = false, length = 40)
  private String code;

  @Column(nullable = false, length = 80)
  private String name;

  @Column(nullable = false)
  private int position;

  @Column(name = "next_codes", nullable = false, length = 1000)
  private String nextCodes;

  protected BoardColumn() {
  }

  public BoardColumn(UUID organizationId, UUID shopId, String code, String name, int position, List<String> next) {
    super(organizationId);
    this.shopId = shopId;
    this.code = code;
    this.name = name;
    this.position = position;
    this.nextCodes = String.join(",", next);
  }

  public UUID getShopId() {
    return shopId;
  }

  public String getCode() {
    return code;
  }

  public String getName() {
    return name;
  }

  public int getPosition() {
    return position;
  }

  public List<String> getNext() {
    return nextCodes.isEmpty() ? List.of() : Arrays.asList(nextCodes.split(","));
  }
}
