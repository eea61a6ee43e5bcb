package dev.mechanics.tenancy;

import dev.mechanics.audit.AuditTrail;
import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.Tenancy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Proving an e-mail address: a signed link mailed to it, followed by whoever reads that mailbox. A proven
 * address is what the platform-operator role needs (issue 15.3); an accepted invitation proves it too.
 */
@ApplicationScoped
public class EmailVerificationService {

  static final int DIGEST_BYTES = 16;

  @Inject
  SystemTransactions system;

  @Inject
  StaffMembers staff;

  @Inject
  Proving proving;

  /** What a verification link states: this user's address, as digested, until {@code expiresAt}. */
  public record Proof(UUID userId, byte[] emailDigest, Instant expiresAt) {
  }

  /** A proof to mail, with the address and the name to mail it to. */
  public record Requested(Proof proof, String email, String name) {
  }

  /** The proof to mail to the caller's own address, or empty when it is proven already. */
  @Transactional
  public Optional<Requested> request(Caller caller, Duration lifetime) {
    StaffMember member = staff.find(caller.userId())
        .orElseThrow(() -> new DomainException.NotFound("user", caller.userId()));
    if (member.isEmailProven()) {
      return Optional.empty();
    }
    return Optional.of(new Requested(new Proof(member.getId(), digest(member.getEmail()),
        Instant.now().plus(lifetime)), member.getEmail(), member.getName()));
  }

  /** Public (the signed link is the credential): the user's organization is bound before its transaction. */
  public StaffService.Accepted confirm(Proof proof) {
    UUID organization = system.call(() -> staff.find(proof.userId()).map(StaffMember::getOrganizationId))
        .orElseThrow(() -> new DomainException.NotFound("e-mail verification link", "in this URL"));
    return Tenancy.callAs(organization, () -> proving.prove(proof));
  }

  static byte[] digest(String email) {
    try {
      return Arrays.copyOf(MessageDigest.getInstance("SHA-256")
          .digest(StaffMember.normalizeEmail(email).getBytes(StandardCharsets.UTF_8)), DIGEST_BYTES);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The transactional part, entered with the organization bound. */
  @ApplicationScoped
  @Transactional
  public static class Proving {

    @Inject
    StaffMembers staff;

    @Inject
    AuditTrail audit;

    StaffService.Accepted prove(Proof proof) {
      StaffMember member = staff.find(proof.userId())
          .orElseThrow(() -> new DomainException.NotFound("e-mail verification link", "in this URL"));
      if (!MessageDigest.isEqual(proof.emailDigest(), digest(member.getEmail()))) {
        // the address changed since the link was mailed: the link proves nothing about the new one
        throw new DomainException.Gone("This verification link was mailed to another address; ask for a new one");
      }
      if (!member.isEnabled()) {
        throw new DomainException.Conflict("This account is disabled");
      }
      if (!member.isEmailProven()) {
        member.proveEmail(Instant.now());
        audit.record("user.email-verified", "user", member.getId(), null, Map.of("emailVerified", "false"),
            Map.of("emailVerified", "true"));
      }
      return new StaffService.Accepted(member.getId(), member.getEmail());
    }
  }
}
