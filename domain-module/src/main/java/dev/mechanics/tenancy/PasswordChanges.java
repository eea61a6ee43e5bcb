package dev.mechanics.tenancy;

import dev.mechanics.audit.AuditTrail;
import dev.mechanics.platform.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * The two short transactions of a password change ({@link AuthenticationService#changePassword}), which checks
 * and hashes between them with none open (ADR 0057).
 */
@ApplicationScoped
@Transactional
public class PasswordChanges {

  @Inject
  StaffMembers staff;

  @Inject
  SessionService sessions;

  @Inject
  AuditTrail audit;

  /** The stored hash the current password is checked against, and the e-mail the new one must not be. */
  public record OnFile(UUID userId, String email, String passwordHash) {
  }

  public OnFile onFile(UUID userId) {
    StaffMember member = staff.find(userId).orElseThrow(() -> new DomainException.NotFound("user", userId));
    return new OnFile(member.getId(), member.getEmail(), member.getPasswordHash());
  }

  /**
   * Stores {@code newHash} unless the password changed since {@code checked} was read (409: the current password
   * was checked against a hash that is no longer stored); ends every session of the user.
   */
  public void replace(OnFile checked, String newHash) {
    StaffMember member = staff.findForUpdate(checked.userId())
        .orElseThrow(() -> new DomainException.NotFound("user", checked.userId()));
    if (!member.getPasswordHash().equals(checked.passwordHash())) {
      throw new DomainException.Conflict("The password was changed meanwhile; sign in again and retry");
    }
    member.changePassword(newHash);
    sessions.revokeAllOf(member.getId(), "password-changed");
    audit.record("user.password-changed", "user", member.getId(), null, null, null);
  }
}
