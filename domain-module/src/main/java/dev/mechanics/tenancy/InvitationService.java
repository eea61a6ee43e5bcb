package dev.mechanics.tenancy;

import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.PasswordHasher;
import dev.mechanics.platform.Tenancy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * Accepting an invitation is public: the organization comes from the invited user, looked up across
 * organizations, and is bound before the accepting transaction (and its Hibernate session) begins.
 *
 * <p>The password is hashed between two short transactions, with none open (ADR 0057): the first checks the
 * link and the password, the second stores the hash after checking the link again under the row's lock.
 */
@ApplicationScoped
public class InvitationService {

  @Inject
  SystemTransactions system;

  @Inject
  StaffMembers staff;

  @Inject
  StaffService staffService;

  @Inject
  PasswordHasher hasher;

  public StaffService.Accepted accept(UUID userId, UUID nonce, String password) {
    UUID organization = system.call(() -> staff.find(userId).map(StaffMember::getOrganizationId))
        .orElseThrow(() -> new DomainException.NotFound("invitation", "in this URL"));
    Tenancy.callAs(organization, () -> {
      staffService.checkInvitation(userId, nonce, password);
      return null;
    });
    String passwordHash = hasher.hash(password);
    return Tenancy.callAs(organization, () -> staffService.acceptInvitation(userId, nonce, passwordHash));
  }
}
