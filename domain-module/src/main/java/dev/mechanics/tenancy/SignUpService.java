package dev.mechanics.tenancy;

import dev.mechanics.audit.AuditTrail;
import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.PasswordHasher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/** Public sign-up: creates an organization with its first shop and its owner in one transaction. */
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

  public record Created(Organization organization, Shop shop, StaffMember owner) {
  }

  public Created signUp(SignUp request) {
    policy.require("ownerPassword", request.ownerPassword(), request.ownerEmail());
    String passwordHash = hasher.hash(request.ownerPassword());
    return system.call(() -> {
      if (staff.emailTaken(request.ownerEmail())) {
        throw new DomainException.Conflict("An account with this e-mail already exists",
            List.of(new DomainException.FieldProblem("ownerEmail", "is already registered")));
      }
      Organization organization = new Organization(request.organizationName(), request.currency(),
          request.timeZone());
      organizations.add(organization);
      Shop shop = new Shop(organization.getId(),
          new ShopDetails(request.shopName(), request.timeZone(), null, null, null));
      shops.add(shop);
      StaffMember owner = new StaffMember(organization.getId(), request.ownerEmail(), request.ownerName(),
          passwordHash);
      staff.add(owner);
      staff.add(new Membership(organization.getId(), owner.getId(), shop.getId(), Role.OWNER));
      audit.recordFor(organization.getId(), "organization.created", "organization", organization.getId(),
          shop.getId(), null, Map.of("organizationName", organization.getName(), "ownerId",
              owner.getId().toString(), "role", "OWNER"));
      return new Created(organization, shop, owner);
    });
  }
}
