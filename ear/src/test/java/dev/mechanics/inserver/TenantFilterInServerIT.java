package dev.mechanics.inserver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mechanics.customer.Customer;
import dev.mechanics.customer.CustomerDetails;
import dev.mechanics.customer.CustomerService;
import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.Id;
import dev.mechanics.platform.PageRequest;
import dev.mechanics.platform.Tenancy;
import dev.mechanics.tenancy.SignUp;
import dev.mechanics.tenancy.SignUpService;
import jakarta.inject.Inject;
import java.util.UUID;
import org.assertj.core.api.Assertions;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs inside the started Liberty server (Arquillian): the repositories and Hibernate's tenant filter, with the
 * real persistence unit, JTA and PostgreSQL. Another organization's customer is invisible to find, list and
 * search without any query naming the organization.
 */
@ExtendWith(ArquillianExtension.class)
class TenantFilterInServerIT {

  @Deployment
  static WebArchive deployment() {
    return InServerArchive.of("tenant-filter-it.war", TenantFilterInServerIT.class);
  }



  @Inject
  SignUpService signUps;

  @Inject
  CustomerService customers;

  private UUID newOrganization() {
    String unique = UUID.randomUUID().toString().substring(0, 8);
    return signUps.signUp(new SignUp("In-server " + unique, "Shop " + unique, "UTC", "USD", "Owner",
        "inserver-" + unique + "@example.com", "in-server password " + unique)).organization().getId();
  }

  @Test
  void anotherOrganizationsCustomerIsInvisibleToFindListAndSearch() {
    UUID a = newOrganization();
    UUID b = newOrganization();
    Customer alice = Tenancy.callAs(a, () -> customers.register(
        new CustomerDetails("Alice", "Isolated", "alice@example.com", "555 0101", null)));

    // read by native SQL (ADR 0058): the organization is the statement's own condition, contact details decrypted
    assertThat(Tenancy.callAs(a, () -> customers.get(new Id<>(alice.getId())))).satisfies(found -> {
      assertThat(found.getLastName()).isEqualTo("Isolated");
      assertThat(found.getEmail()).isEqualTo("alice@example.com");
      assertThat(found.getPhone()).isEqualTo("555 0101");
    });
    Assertions.assertThatThrownBy(() -> Tenancy.callAs(b, () -> customers.get(new Id<>(alice.getId()))))
        .isInstanceOf(DomainException.NotFound.class);
    assertThat(Tenancy.callAs(b, () -> customers.list(null, new PageRequest(null, 200))).items()).isEmpty();
    assertThat(Tenancy.callAs(b, () -> customers.list("Isol", new PageRequest(null, 200))).items()).isEmpty();
    assertThat(Tenancy.callAs(a, () -> customers.list("Isol", new PageRequest(null, 200))).items())
        .extracting(Customer::getId).containsExactly(alice.getId());
  }

  @Test
  void aThreadBoundToNoOrganizationSeesNothing() {
    UUID a = newOrganization();
    Customer nora = Tenancy.callAs(a, () -> customers.register(new CustomerDetails("Nora", "Nobody", null, null,
        null)));
    assertThat(customers.list(null, new PageRequest(null, 200)).items()).isEmpty();
    Assertions.assertThatThrownBy(() -> customers.get(new Id<>(nora.getId())))
        .isInstanceOf(DomainException.NotFound.class);
  }
}
