package dev.mechanics.workorder;

import dev.mechanics.platform.observability.BoundedTagValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Business counters (counted after the transaction committed): work_orders_created_total{shop},
 * approvals_recorded_total{shop,decision}, payments_recorded_total{shop,kind}, credit_notes_issued_total{shop}.
 * The {@code shop} tag keeps its own series for the first {@code METRICS_SHOP_TAG_LIMIT} shops of an instance and
 * counts later ones as {@code shop="other"} ({@link BoundedTagValues}), so the series stay bounded as tenants
 * grow (docs/adr/0042).
 */
@ApplicationScoped
public class WorkOrderMetrics {

  @Inject
  @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
  MetricRegistry registry;

  private BoundedTagValues shops;

  @Inject
  void shopTagLimit(@ConfigProperty(name = "METRICS_SHOP_TAG_LIMIT", defaultValue = "1000") int limit) {
    shops = new BoundedTagValues(limit);
  }

  private Tag shop(UUID shopId) {
    return new Tag("shop", shops.of(shopId.toString()));
  }

  public void workOrderCreated(UUID shopId) {
    registry.counter("work_orders_created", shop(shopId)).inc();
  }

  public void approvalRecorded(UUID shopId, String decision) {
    registry.counter("approvals_recorded", shop(shopId), new Tag("decision", decision)).inc();
  }

  public void paymentRecorded(UUID shopId, boolean refund) {
    registry.counter("payments_recorded", shop(shopId),
        new Tag("kind", refund ? "refund" : "payment")).inc();
  }

  public void creditNoteIssued(UUID shopId) {
    registry.counter("credit_notes_issued", shop(shopId)).inc();
  }
}
