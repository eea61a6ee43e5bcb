package dev.mechanics.workorder;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Business counters at /metrics (counted after the transaction committed): work_orders_created_total{shop},
 * approvals_recorded_total{shop,decision}, payments_recorded_total{shop,kind}, credit_notes_issued_total{shop}.
 */
@ApplicationScoped
public class WorkOrderMetrics {

  @Inject
  @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
  MetricRegistry registry;

  public void workOrderCreated(UUID shopId) {
    registry.counter("work_orders_created", new Tag("shop", shopId.toString())).inc();
  }

  public void approvalRecorded(UUID shopId, String decision) {
    registry.counter("approvals_recorded", new Tag("shop", shopId.toString()), new Tag("decision", decision)).inc();
  }

  public void paymentRecorded(UUID shopId, boolean refund) {
    registry.counter("payments_recorded", new Tag("shop", shopId.toString()),
        new Tag("kind", refund ? "refund" : "payment")).inc();
  }

  public void creditNoteIssued(UUID shopId) {
    registry.counter("credit_notes_issued", new Tag("shop", shopId.toString())).inc();
  }
}
