package dev.mechanics.tenancy;

import dev.mechanics.audit.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The installation's operators: they hold {@link Role#PLATFORM_OPERATOR} on top of whatever their organization
 * gives them. {@code PLATFORM_ADMIN_EMAILS} names the addresses; the role goes only to the account at such an
 * address whose holder proved it (followed an invitation or verification link mailed there), so registering an
 * address first wins nothing. The role is granted and revoked at sign-in and token refresh, and each change is
 * audited in the operator's organization; a request checks both the grant and the list, so an address taken off
 * the list loses the role on this instance at once and the grant is revoked at the next sign-in or refresh.
 */
@ApplicationScoped
public class PlatformOperators {

  @PersistenceContext(unitName = "mechanics")
  EntityManager em;

  @Inject
  AuditTrail audit;

  private Set<String> listed = Set.of();

  @Inject
  void listed(@ConfigProperty(name = "PLATFORM_ADMIN_EMAILS", defaultValue = " ") String emails) {
    listed = Arrays.stream(emails.split(",")).map(StaffMember::normalizeEmail).filter(e -> !e.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
  }

  /** Whether {@code email} is in PLATFORM_ADMIN_EMAILS. */
  public boolean isListed(String email) {
    return email != null && listed.contains(StaffMember.normalizeEmail(email));
  }

  /**
   * Grants the role to a proven, listed address and revokes it from any other, in the caller's transaction (the
   * sign-in or refresh that holds the user's row); true when the user is an operator afterwards.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean reconcile(StaffMember member) {
    boolean eligible = member.isEnabled() && member.isEmailProven() && isListed(member.getEmail());
    boolean granted = isGranted(member.getId());
    if (eligible && !granted) {
      em.createNativeQuery("insert into platform_operator_grants (user_id, granted_at) values (?1, ?2) "
          + "on conflict (user_id) do nothing").setParameter(1, member.getId())
          .setParameter(2, Timestamp.from(Instant.now())).executeUpdate();
      CallerChanges.evictUserOf(member.getId());
      audit.recordFor(member.getOrganizationId(), "user.platform-operator-granted", "user", member.getId(), null,
          Map.of("platformOperator", "false"), Map.of("platformOperator", "true", "reason",
              "e-mail proven and listed in PLATFORM_ADMIN_EMAILS"));
    } else if (!eligible && granted) {
      em.createNativeQuery("delete from platform_operator_grants where user_id = ?1").setParameter(1, member.getId())
          .executeUpdate();
      CallerChanges.evictUserOf(member.getId());
      audit.recordFor(member.getOrganizationId(), "user.platform-operator-revoked", "user", member.getId(), null,
          Map.of("platformOperator", "true"), Map.of("platformOperator", "false", "reason",
              isListed(member.getEmail()) ? "account disabled" : "e-mail no longer in PLATFORM_ADMIN_EMAILS"));
    }
    return eligible;
  }

  /** Holds the role now: granted at the last sign-in or refresh, and the address still listed. */
  @Transactional(Transactional.TxType.MANDATORY)
  public boolean isOperator(UUID userId, String email) {
    return isListed(email) && isGranted(userId);
  }

  private boolean isGranted(UUID userId) {
    return !em.createNativeQuery("select 1 from platform_operator_grants where user_id = ?1")
        .setParameter(1, userId).getResultList().isEmpty();
  }
}
