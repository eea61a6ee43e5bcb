package dev.mechanics.workorder;

import dev.mechanics.platform.Id;
import dev.mechanics.platform.Tenancy;
import dev.mechanics.tenancy.Shop;
import dev.mechanics.tenancy.Shops;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/** A shop's canned jobs: named sets of lines an advisor inserts in one call ({@link EstimateLineService}). */
@ApplicationScoped
@Transactional
public class CannedJobService {

  @Inject
  CannedJobs cannedJobs;

  @Inject
  Shops shops;

  /** Each line must be writable into a work order as it stands (422 otherwise, as on a work order). */
  public CannedJob define(Id<Shop> shop, String name, List<LineDetails> lines) {
    shops.require(shop.value());
    lines.forEach(LineDetails::requireComplete);
    CannedJob job = new CannedJob(Tenancy.current(), shop.value(), name, lines);
    cannedJobs.add(job);
    return job;
  }

  public List<CannedJob> of(Id<Shop> shop) {
    shops.require(shop.value());
    return cannedJobs.of(shop.value());
  }
}
