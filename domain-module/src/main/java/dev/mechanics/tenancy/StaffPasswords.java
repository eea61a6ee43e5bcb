package dev.mechanics.tenancy;

import dev.mechanics.platform.PasswordHasher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Hashes a new staff member's password before the transaction that stores them begins (ADR 0057): a request
 * queued for the hasher then holds no pooled connection and no lock. Not transactional, on purpose.
 */
@ApplicationScoped
public class StaffPasswords {

  @Inject
  StaffService staffService;

  @Inject
  PasswordHasher hasher;

  /**
   * Checks the request in a short transaction (403, 409, 422 before any hashing), then hashes the initial
   * password, or for an invited user one nobody knows until they choose their own through the link.
   */
  public String forNewStaff(Caller caller, StaffService.NewStaff request) {
    staffService.vet(caller, request);
    return hasher.hash(request.password() == null ? unguessable() : request.password());
  }

  private static String unguessable() {
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    return Base64.getEncoder().encodeToString(secret);
  }
}
