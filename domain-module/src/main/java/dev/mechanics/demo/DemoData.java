package dev.mechanics.demo;

import dev.mechanics.customer.Customer;
import dev.mechanics.customer.CustomerDetails;
import dev.mechanics.customer.Customers;
import dev.mechanics.customer.Vehicle;
import dev.mechanics.customer.VehicleDetails;
import dev.mechanics.customer.Vehicles;
import dev.mechanics.customer.Vin;
import dev.mechanics.platform.PasswordHasher;
import dev.mechanics.tenancy.Membership;
import dev.mechanics.tenancy.Organization;
import dev.mechanics.tenancy.Organizations;
import dev.mechanics.tenancy.Role;
import dev.mechanics.tenancy.Shop;
import dev.mechanics.tenancy.ShopDetails;
import dev.mechanics.tenancy.Shops;
import dev.mechanics.tenancy.StaffMember;
import dev.mechanics.tenancy.StaffMembers;
import dev.mechanics.tenancy.SystemTransactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.util.logging.Logger;

/**
 * The demo chain the run command loads into an empty database: one organization, two shops, a user per role
 * and a few customers with vehicles. Never loaded unless asked ({@code DEMO_DATA=true}).
 */
@ApplicationScoped
public class DemoData {

  public static final String OWNER_EMAIL = "owner@demo.mechanics.dev";
  /** Demo-only credentials, printed on the console by the run command; the demo database is throwaway. */
  public static final String PASSWORD = "demo-Garage-2026";

  private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

  @Inject
  SystemTransactions system;

  @Inject
  Organizations organizations;

  @Inject
  Shops shops;

  @Inject
  StaffMembers staff;

  @Inject
  Customers customers;

  @Inject
  Vehicles vehicles;

  @Inject
  PasswordHasher hasher;

  @PersistenceContext(unitName = "mechanics")
  EntityManager em;

  /** Instances that start together on an empty database load the chain once (issue 16.7, TwoInstancesIT). */
  private static final long LOAD_LOCK = 0x64656d6f64617461L;

  /** Loads the demo chain unless the database already holds an organization. */
  public boolean loadIfEmpty() {
    String hash = hasher.hash(PASSWORD);
    return system.call(() -> {
      em.createNativeQuery("select pg_advisory_xact_lock(?1)").setParameter(1, LOAD_LOCK).getSingleResult();
      if (organizations.count() > 0) {
        return false;
      }
      Organization org = new Organization("Demo Auto Care", "USD", "America/Chicago");
      organizations.add(org);
      Shop downtown = new Shop(org.getId(),
          new ShopDetails("Downtown", "America/Chicago", "+1 312 555 0100", "100 Main St, Chicago, IL",
              new BigDecimal("145.00")));
      Shop northside = new Shop(org.getId(),
          new ShopDetails("Northside", "America/Chicago", "+1 312 555 0200", "2000 N Clark St, Chicago, IL",
              new BigDecimal("135.00")));
      shops.add(downtown);
      shops.add(northside);
      person(org, downtown, northside, OWNER_EMAIL, "Olivia Owner", Role.OWNER, hash);
      person(org, downtown, null, "manager@demo.mechanics.dev", "Manny Manager", Role.MANAGER, hash);
      person(org, downtown, null, "advisor@demo.mechanics.dev", "Ada Advisor", Role.SERVICE_ADVISOR, hash);
      person(org, downtown, null, "tech@demo.mechanics.dev", "Theo Technician", Role.TECHNICIAN, hash);
      String[][] people = {
          {"Maria", "Garcia", "maria.garcia@example.com", "+1 312 555 0141", "1HGCM82633A00435", "Honda", "Accord"},
          {"James", "Smith", "james.smith@example.com", "+1 312 555 0142", "1FTFW1ET5DFC1023", "Ford", "F-150"},
          {"Linda", "Nguyen", "linda.nguyen@example.com", "+1 312 555 0143", "5YJ3E1EA7KF31745", "Tesla", "Model 3"},
      };
      for (String[] p : people) {
        Customer customer = new Customer(org.getId(), new CustomerDetails(p[0], p[1], p[2], p[3], null));
        customers.add(customer);
        String vin = Vin.withCheckDigit(p[4] + "1");
        vehicles.add(new Vehicle(org.getId(), new VehicleDetails(customer.getId(), new Vin(vin), null, p[5], p[6],
            2019, 42_000)));
      }
      LOG.info("Demo data loaded: organization 'Demo Auto Care' with shops Downtown and Northside");
      return true;
    });
  }

  private void person(Organization org, Shop shop, Shop secondShop, String email, String name, Role role,
                      String hash) {
    StaffMember member = new StaffMember(org.getId(), email, name, hash);
    staff.add(member);
    staff.add(new Membership(org.getId(), member.getId(), shop.getId(), role));
    if (secondShop != null) {
      staff.add(new Membership(org.getId(), member.getId(), secondShop.getId(), role));
    }
  }
}
