package dev.mechanics.customer;

import dev.mechanics.audit.AuditTrail;
import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.Id;
import dev.mechanics.platform.Page;
import dev.mechanics.platform.PageRequest;
import dev.mechanics.platform.Tenancy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Vehicles of the caller's organization; a VIN appears once per organization. */
@ApplicationScoped
@Transactional
public class VehicleService {

  @Inject
  Vehicles vehicles;

  @Inject
  Customers customers;

  @Inject
  AuditTrail audit;

  /** {@code customer} null: every vehicle of the organization. */
  public Page<Vehicle> list(Id<Customer> customer, PageRequest page) {
    UUID customerId = customer == null ? null : customer.value();
    if (customerId != null && customers.find(customerId).isEmpty()) {
      throw new DomainException.NotFound("customer", customerId);
    }
    return Page.of(vehicles.list(customerId, page), page.limit(), Vehicle::getId);
  }

  public Vehicle get(Id<Vehicle> id) {
    return vehicles.find(id.value()).orElseThrow(() -> new DomainException.NotFound("vehicle", id));
  }

  public Vehicle register(VehicleDetails details) {
    requireCustomer(details.customerId());
    requireUniqueVin(details.vin(), null);
    Vehicle vehicle = new Vehicle(Tenancy.current(), details);
    vehicles.add(vehicle);
    audit.record("vehicle.created", "vehicle", vehicle.getId(), null, null, state(vehicle));
    return vehicle;
  }

  public Vehicle change(Id<Vehicle> id, long expectedVersion, VehicleDetails details) {
    Vehicle vehicle = get(id);
    vehicle.requireVersion(expectedVersion, "vehicle");
    requireCustomer(details.customerId());
    requireUniqueVin(details.vin(), id.value());
    Map<String, String> before = state(vehicle);
    vehicle.apply(details);
    audit.record("vehicle.changed", "vehicle", vehicle.getId(), null, before, state(vehicle));
    return vehicle;
  }

  static Map<String, String> state(Vehicle v) {
    Map<String, String> state = new HashMap<>();
    state.put("customerId", String.valueOf(v.getCustomerId()));
    state.put("vin", v.getVin());
    state.put("plate", v.getPlate());
    state.put("mileage", String.valueOf(v.getMileage()));
    return state;
  }

  private void requireCustomer(UUID customerId) {
    // Another organization's customer is as unknown as a made-up id: a 422 on the field, never a 404 leak.
    if (customers.find(customerId).isEmpty()) {
      throw DomainException.InvalidInput.field("customerId", "no such customer");
    }
  }

  private void requireUniqueVin(Vin vin, UUID exceptId) {
    if (vehicles.vinTaken(vin.value(), exceptId)) {
      throw new DomainException.Conflict("A vehicle with this VIN is already registered",
          List.of(new DomainException.FieldProblem("vin", "is already registered")));
    }
  }
}
