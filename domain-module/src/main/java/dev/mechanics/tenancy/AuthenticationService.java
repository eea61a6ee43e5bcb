package dev.mechanics.tenancy;

import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.PasswordHasher;
import dev.mechanics.platform.SecurityEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
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
 *
 * <p>The costly verification runs with no transaction open and no pooled connection held: the account is read
 * in one short transaction, the password checked, and the outcome recorded in a second short one under the
 * row's lock (issue 15.9: a burst of sign-ins waiting for the hasher held every connection of the pool).
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
  PasswordPolicy policy;

  @Inject
  PlatformOperators operators;

  @Inject
  PasswordChanges passwordChanges;

  /** Fired (outside any transaction) when failed sign-ins have just locked an account: the notice mail. */
  public record AccountLocked(UUID organizationId, UUID userId, Instant until) {
  }

  @Inject
  Event<AccountLocked> locked;

  private record Attempt(SignedInStaff signedIn, String failure, UUID userId, boolean lockedNow,
                         AccountLocked lock) {
  }

  /** What the password is checked against: read, then let go of the connection. */
  private record Stored(UUID userId, String passwordHash) {
  }

  public SignedInStaff authenticate(String email, String password, String clientAddress) {
    Optional<Stored> stored = system.call(() -> staff.findByEmail(email)
        .map(m -> new Stored(m.getId(), m.getPasswordHash())));
    boolean matches;
    if (stored.isEmpty()) {
      hasher.burnTime(password);
      matches = false;
    } else {
      matches = hasher.matches(password, stored.get().passwordHash());
    }
    Attempt attempt = stored.isEmpty() ? new Attempt(null, "unknown-account", null, false, null)
        : system.call(() -> record(stored.get(), matches));
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
      locked.fire(attempt.lock());
    }
    throw new DomainException.AuthenticationFailed();
  }

  /**
   * Under the row's lock, so that concurrent attempts count their failures one after another. The password was
   * checked against {@code stored}; a password changed in the meantime makes that check worthless.
   */
  private Attempt record(Stored stored, boolean matches) {
    Optional<StaffMember> found = staff.findForUpdate(stored.userId());
    if (found.isEmpty()) {
      return new Attempt(null, "unknown-account", null, false, null);
    }
    StaffMember member = found.get();
    Instant now = Instant.now();
    if (member.isLockedAt(now)) {
      return new Attempt(null, "locked", member.getId(), false, null);
    }
    boolean current = matches && member.getPasswordHash().equals(stored.passwordHash());
    if (!current || !member.isEnabled()) {
      boolean lockedNow = member.recordFailedLogin(now);
      return new Attempt(null, current ? "disabled" : "wrong-password", member.getId(), lockedNow,
          lockedNow ? new AccountLocked(member.getOrganizationId(), member.getId(), member.getLockedUntil()) : null);
    }
    member.recordSuccessfulLogin();
    boolean operator = operators.reconcile(member);
    return new Attempt(new SignedInStaff(member.getId(), member.getOrganizationId(), member.getEmail(),
        member.getName(), staff.membershipsOf(member.getId()), operator), null, member.getId(), false, null);
  }

  /**
   * Changes the caller's own password after checking the current one; every session of theirs ends. Both hashes
   * run with no transaction open (ADR 0057): the stored hash is read in one short transaction and the new one
   * written in another, which answers 409 if the password changed in between.
   */
  public void changePassword(Caller caller, String currentPassword, String newPassword) {
    PasswordChanges.OnFile onFile = passwordChanges.onFile(caller.userId());
    if (!hasher.matches(currentPassword, onFile.passwordHash())) {
      throw DomainException.InvalidInput.field("currentPassword", "is not your current password");
    }
    policy.require("newPassword", newPassword, onFile.email());
    passwordChanges.replace(onFile, hasher.hash(newPassword));
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
