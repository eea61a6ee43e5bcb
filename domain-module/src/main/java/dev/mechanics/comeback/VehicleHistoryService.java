package dev.mechanics.comeback;

import dev.mechanics.customer.Vehicle;
import dev.mechanics.customer.Vehicles;
import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.Id;
import dev.mechanics.tenancy.Caller;
import dev.mechanics.tenancy.Capability;
import dev.mechanics.workorder.LineApproval;
import dev.mechanics.workorder.WorkOrder;
import dev.mechanics.workorder.WorkOrderLine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A vehicle's history in one read: every visit (work order) with its mileage, the work done and the work
 * declined, its invoice date and whether it was a comeback. A technician sees the visits assigned to them.
 */
@ApplicationScoped
@Transactional
public class VehicleHistoryService {

  /** One visit; {@code done}: lines not declined, {@code declined}: lines the customer declined. */
  public record Visit(WorkOrder workOrder, Instant invoicedAt, List<WorkOrderLine> done,
                      List<WorkOrderLine> declined, Comeback comeback) {
  }

  @PersistenceContext(unitName = "mechanics")
  EntityManager em;

  @Inject
  Vehicles vehicles;

  @Inject
  Comebacks comebacks;

  public List<Visit> of(Caller caller, Id<Vehicle> vehicleId) {
    Vehicle vehicle = vehicles.find(vehicleId.value())
        .orElseThrow(() -> new DomainException.NotFound("vehicle", vehicleId));
    List<WorkOrder> visits = em.createQuery("select distinct w from WorkOrder w left join fetch w.lines "
            + "where w.vehicleId = :vehicle order by w.createdAt desc, w.id desc", WorkOrder.class)
        .setParameter("vehicle", vehicle.getId()).getResultList();
    if (!caller.may(Capability.SEE_ALL_WORK)) {
      visits = visits.stream().filter(w -> w.isAssignedTo(caller.userId())).toList();
    }
    List<UUID> ids = visits.stream().map(WorkOrder::getId).toList();
    Map<UUID, Comeback> marks = comebacks.ofVehicle(ids).stream()
        .collect(Collectors.toMap(Comeback::getWorkOrderId, Function.identity()));
    return visits.stream().map(w -> new Visit(w, comebacks.invoicedAt(w.getId()).orElse(null),
        w.getLines().stream().filter(l -> l.getApproval() != LineApproval.DECLINED).toList(),
        w.getLines().stream().filter(l -> l.getApproval() == LineApproval.DECLINED).toList(),
        marks.get(w.getId()))).toList();
  }
}
