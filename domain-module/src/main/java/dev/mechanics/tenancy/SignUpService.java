package dev.mechanics.tenancy;

import dev.mechanics.audit.AuditTrail;
import dev.mechanics.platform.PasswordHasher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * Public sign-up: creates an organization with its first shop and its owner in one transaction.
 *
 * <p>An address that already has an account is answered exactly as a new one (same status, same shape, the
 * same Argon2 cost), but nothing is created and the address's owner gets a mail saying so: the answer must not
 * tell a stranger which addresses have accounts (issue 15.10).
 */
@ApplicationScoped
public class SignUpService {

  @Inject
  Organizations organizations;

  @Inject
  Shops shops;

  @Inject
  StaffMembers staff;

  @Inject
  PasswordHasher hasher;

  @Inject
  SystemTransactions system;

  @Inject
  PasswordPolicy policy;

  @Inject
  AuditTrail audit;

  @Inject
  Event<ExistingAccountSignUp> existingAccount;

  public record Created(Organization organization, Shop shop, StaffMember owner) {
  }

  /** Someone signed up with an address that has an account; its holder is told by mail, after the answer. */
  public record ExistingAccountSignUp(String email) {
  }

  public Created signUp(SignUp request) {
    policy.require("ownerPassword", request.ownerPassword(), request.ownerEmail());
    String passwordHash = hasher.hash(request.ownerPassword());
    return system.call(() -> {
      Organization organization = new Organization(request.organizationName(), request.currency(),
          request.timeZone());
      Shop shop = new Shop(organization.getId(),
          new ShopDetails(request.shopName(), request.timeZone(), null, null, null));
      StaffMember owner = new StaffMember(organization.getId(), request.ownerEmail(), request.ownerName(),
          passwordHash);
      if (staff.emailTaken(request.ownerEmail())) {
        // answered as if created; none of it is stored
        existingAccount.fireAsync(new ExistingAccountSignUp(owner.getEmail()));
        return new Created(organization, shop, owner);
      }
      organizations.add(organization);
      shops.add(shop);
      staff.add(owner);
      staff.add(new Membership(organization.getId(), owner.getId(), shop.getId(), Role.OWNER));
      audit.recordFor(organization.getId(), "organization.created", "organization", organization.getId(),
          shop.getId(), null, Map.of("organizationName", organization.getName(), "ownerId",
              owner.getId().toString(), "role", "OWNER"));
      return new Created(organization, shop, owner);
    });
  }
}
