package dev.mechanics.workorder;

import dev.mechanics.platform.TenantOwnedEntity;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A shop's named set of lines ("Front brake job") that an advisor inserts into a work order in one call. */
@Entity
@Table(name = "canned_jobs")
public class CannedJob extends TenantOwnedEntity {

  @Column(name = "shop_id", nullable = false, updatable = false)
  private UUID shopId;

  @Column(nullable = false, length = 120)
  private String name;

  @OneToMany(mappedBy = "cannedJob", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("position")
  private List<CannedJobLine> lines = new ArrayList<>();

  protected CannedJob() {
  }

  public CannedJob(UUID organizationId, UUID shopId, String name, List<LineDetails> lines) {
    super(organizationId);
    this.shopId = shopId;
    this.name = name;
    int position = 0;
    for (LineDetails line : lines) {
      this.lines.add(new CannedJobLine(this, ++position, line));
    }
  }

  public UUID getShopId() {
    return shopId;
  }

  public String getName() {
    return name;
  }

  public List<CannedJobLine> getLines() {
    return lines;
  }
}
