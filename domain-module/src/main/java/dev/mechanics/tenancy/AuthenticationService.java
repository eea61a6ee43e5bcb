package dev.mechanics.tenancy;

import dev.mechanics.audit.AuditTrail;
import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.PasswordHasher;
import dev.mechanics.platform.SecurityEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Checks an e-mail and password. A wrong e-mail, a wrong password, a disabled and a locked account all answer
 * the same and cost the same (one Argon2 verification each), so the answer reveals nothing about the account.
 */
@ApplicationScoped
public class AuthenticationService {

  @Inject
  StaffMembers staff;

  @Inject
  PasswordHasher hasher;

  @Inject
  SystemTransactions system;

  @Inject
  SecurityEvents events;

  @Inject
  SessionService sessions;

  @Inject
  PasswordPolicy policy;

  @Inject
  AuditTrail audit;

  private record Attempt(SignedInStaff signedIn, String failure, UUID userId, boolean lockedNow) {
  }

  public SignedInStaff authenticate(String email, String password, String clientAddress) {
    Attempt attempt = system.call(() -> {
      Optional<StaffMember> found = staff.findByEmailForUpdate(email);
      if (found.isEmpty()) {
        hasher.burnTime(password);
        return new Attempt(null, "unknown-account", null, false);
      }
      StaffMember member = found.get();
      Instant now = Instant.now();
      boolean locked = member.isLockedAt(now);
      boolean matches = hasher.matches(password, member.getPasswordHash());
      if (locked) {
        return new Attempt(null, "locked", member.getId(), false);
      }
      if (!matches || !member.isEnabled()) {
        boolean lockedNow = member.recordFailedLogin(now);
        return new Attempt(null, matches ? "disabled" : "wrong-password", member.getId(), lockedNow);
      }
      member.recordSuccessfulLogin();
      return new Attempt(new SignedInStaff(member.getId(), member.getOrganizationId(), member.getEmail(),
          member.getName(), staff.membershipsOf(member.getId())), null, member.getId(), false);
    });
    if (attempt.signedIn() != null) {
      return attempt.signedIn();
    }
    Map<String, Object> details = new HashMap<>();
    details.put("reason", attempt.failure());
    details.put("user", attempt.userId());
    details.put("client", clientAddress);
    events.record(SecurityEvents.LOGIN_FAILED, details);
    if (attempt.lockedNow()) {
      events.record(SecurityEvents.LOCKOUT, details);
    }
    throw new DomainException.AuthenticationFailed();
  }

  /** Changes the caller's own password after checking the current one; every session of theirs ends. */
  @Transactional
  public void changePassword(Caller caller, String currentPassword, String newPassword) {
    StaffMember member = staff.find(caller.userId())
        .orElseThrow(() -> new DomainException.NotFound("user", caller.userId()));
    if (!hasher.matches(currentPassword, member.getPasswordHash())) {
      throw DomainException.InvalidInput.field("currentPassword", "is not your current password");
    }
    policy.require("newPassword", newPassword, member.getEmail());
    member.changePassword(hasher.hash(newPassword));
    sessions.revokeAllOf(member.getId(), "password-changed");
    audit.record("user.password-changed", "user", member.getId(), null, null, null);
  }

  /** Refreshes what {@code GET /me} shows for the caller. */
  @Transactional
  public SignedInStaff describe(Caller caller) {
    StaffMember member = staff.find(caller.userId())
        .orElseThrow(() -> new DomainException.NotFound("user", caller.userId()));
    return new SignedInStaff(member.getId(), member.getOrganizationId(), member.getEmail(), member.getName(),
        staff.membershipsOf(member.getId()));
  }
}
