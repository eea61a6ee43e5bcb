package dev.mechanics.tenancy;

import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.Tenancy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * Accepting an invitation is public: the organization comes from the invited user, looked up across
 * organizations, and is bound before the accepting transaction (and its Hibernate session) begins.
 */
@ApplicationScoped
public class InvitationService {

  @Inject
  SystemTransactions system;

  @Inject
  StaffMembers staff;

  @Inject
  StaffService staffService;

  public StaffService.Accepted accept(UUID userId, UUID nonce, String password) {
    UUID organization = system.call(() -> staff.find(userId).map(StaffMember::getOrganizationId))
        .orElseThrow(() -> new DomainException.NotFound("invitation", "in this URL"));
    return Tenancy.callAs(organization, () -> staffService.acceptInvitation(userId, nonce, password));
  }
}
