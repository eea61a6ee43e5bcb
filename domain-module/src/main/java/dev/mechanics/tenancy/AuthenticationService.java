package dev.mechanics.tenancy;

import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.PasswordHasher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;

/** Checks an e-mail and password. A wrong e-mail and a wrong password look and take the same. */
@ApplicationScoped
public class AuthenticationService {

  @Inject
  StaffMembers staff;

  @Inject
  PasswordHasher hasher;

  @Inject
  SystemTransactions system;

  public SignedInStaff authenticate(String email, String password) {
    return system.call(() -> {
      Optional<StaffMember> found = staff.findByEmail(email);
      if (found.isEmpty()) {
        hasher.burnTime(password);
        throw new DomainException.AuthenticationFailed();
      }
      StaffMember member = found.get();
      if (!hasher.matches(password, member.getPasswordHash()) || !member.isEnabled()) {
        throw new DomainException.AuthenticationFailed();
      }
      return new SignedInStaff(member.getId(), member.getOrganizationId(), member.getEmail(), member.getName(),
          staff.membershipsOf(member.getId()));
    });
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
