package dev.mechanics.customer;

import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.Page;
import dev.mechanics.platform.PageRequest;
import dev.mechanics.platform.Tenancy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.UUID;

/** Customers of the caller's organization. */
@ApplicationScoped
@Transactional
public class CustomerService {

  @Inject
  Customers customers;

  @Inject
  Vehicles vehicles;

  public Page<Customer> list(String q, PageRequest page) {
    return Page.of(customers.list(q, page), page.limit(), Customer::getId);
  }

  public Customer get(UUID id) {
    return customers.find(id).orElseThrow(() -> new DomainException.NotFound("customer", id));
  }

  public Customer register(CustomerDetails details) {
    Customer customer = new Customer(Tenancy.current(), details);
    customers.add(customer);
    return customer;
  }

  public Customer change(UUID id, long expectedVersion, CustomerDetails details) {
    Customer customer = get(id);
    customer.requireVersion(expectedVersion, "customer");
    customer.apply(details);
    return customer;
  }

  /** Removes the customer and their vehicles. */
  public void remove(UUID id, Long expectedVersion) {
    Customer customer = get(id);
    if (expectedVersion != null) {
      customer.requireVersion(expectedVersion, "customer");
    }
    vehicles.removeAllOf(id);
    customers.remove(customer);
  }
}
