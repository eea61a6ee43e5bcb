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
import java.util.Map;

/** Customers of the caller's organization. */
@ApplicationScoped
@Transactional
public class CustomerService {

  @Inject
  Customers customers;

  @Inject
  Vehicles vehicles;

  @Inject
  AuditTrail audit;

  public Page<Customer> list(String q, PageRequest page) {
    return Page.of(customers.list(q, page), page.limit(), Customer::getId);
  }

  public Customer get(Id<Customer> id) {
    return customers.find(id.value()).orElseThrow(() -> new DomainException.NotFound("customer", id));
  }

  public Customer register(CustomerDetails details) {
    Customer customer = new Customer(Tenancy.current(), details);
    customers.add(customer);
    audit.record("customer.created", "customer", customer.getId(), null, null, state(customer));
    return customer;
  }

  public Customer change(Id<Customer> id, long expectedVersion, CustomerDetails details) {
    Customer customer = get(id);
    customer.requireVersion(expectedVersion, "customer");
    Map<String, String> before = state(customer);
    customer.apply(details);
    audit.record("customer.changed", "customer", customer.getId(), null, before, state(customer));
    return customer;
  }

  /** Removes the customer and their vehicles. */
  public void remove(Id<Customer> id, Long expectedVersion) {
    Customer customer = get(id);
    if (expectedVersion != null) {
      customer.requireVersion(expectedVersion, "customer");
    }
    vehicles.removeAllOf(id.value());
    customers.remove(customer);
    audit.record("customer.removed", "customer", customer.getId(), null, state(customer), null);
  }

  /** What the audit trail keeps of a customer (personal fields are masked by the trail). */
  static Map<String, String> state(Customer c) {
    Map<String, String> state = new HashMap<>();
    state.put("firstName", c.getFirstName());
    state.put("lastName", c.getLastName());
    state.put("email", c.getEmail());
    state.put("phone", c.getPhone());
    state.put("address", c.getAddress());
    return state;
  }
}
