package dev.mechanics.tenancy;

import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.Ids;
import dev.mechanics.platform.SecurityEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Sessions and their refresh tokens: opened at sign-in, rotated on refresh, revoked on logout, password change
 * or when a user is disabled. Reusing a refresh token that was already rotated means it was stolen (or the
 * client is broken): the whole session is revoked and a security event is recorded.
 *
 * <p>Except within {@link #REUSE_GRACE} of its rotation: a client whose answer was lost (a dropped connection,
 * two tabs refreshing at once) sends the same token again, and gets the same successor again. The successor is
 * derived from the token it replaces ({@link RefreshTokenSecret#successorOf}), so the session keeps one line of
 * tokens and nothing secret is stored to answer twice (docs/adr/0010).
 */
@ApplicationScoped
public class SessionService {

  /** How long after its rotation a refresh token still answers with its successor instead of counting as theft. */
  public static final Duration REUSE_GRACE = Duration.ofSeconds(30);
  private static final SecureRandom RANDOM = new SecureRandom();

  @PersistenceContext(unitName = "mechanics")
  EntityManager em;

  @Inject
  PlatformOperators operators;

  @Inject
  SystemTransactions system;

  @Inject
  StaffMembers staff;

  @Inject
  SecurityEvents events;

  @Inject
  CallerCache callers;

  /** A session just opened or rotated: the caller's current state, the session id and a new refresh token. */
  public record Issued(SignedInStaff staff, UUID sessionId, String refreshToken, Instant refreshExpiresAt) {
  }

  private sealed interface Outcome permits Rotated, Rejected {
  }

  private record Rotated(Issued issued) implements Outcome {
  }

  private record Rejected(String reason, UUID sessionId, UUID userId) implements Outcome {
  }

  public Issued open(SignedInStaff signedIn, Duration refreshLifetime) {
    return system.call(() -> {
      Instant now = Instant.now();
      Session session = new Session(Ids.newId(), signedIn.organizationId(), signedIn.userId(), now,
          now.plus(refreshLifetime));
      em.persist(session);
      return new Issued(signedIn, session.getId(), newToken(session, now, refreshLifetime), now.plus(refreshLifetime));
    });
  }

  /** Exchanges a refresh token for a new one of the same session; the old one is spent. */
  public Issued refresh(String token, Duration refreshLifetime) {
    RefreshTokenSecret secret = RefreshTokenSecret.current();
    String hash = secret.hash(token);
    Outcome outcome = system.call(() -> {
      Instant now = Instant.now();
      Optional<RefreshToken> found = lockToken(hash);
      if (found.isEmpty()) {
        return new Rejected("unknown", null, null);
      }
      RefreshToken presented = found.get();
      Session session = em.find(Session.class, presented.getSessionId(), LockModeType.PESSIMISTIC_WRITE);
      String successor = secret.successorOf(token);
      if (presented.isUsed()) {
        Optional<RefreshToken> next = presented.usedWithin(now, REUSE_GRACE) && session.isActive(now)
            ? lockToken(secret.hash(successor)).filter(t -> !t.isUsed() && !t.isExpired(now)) : Optional.empty();
        if (next.isEmpty()) {
          session.revoke(now, "refresh-reuse");
          return new Rejected("reuse", session.getId(), session.getUserId());
        }
        // the same answer again: the client never saw the first one (or asked twice at once)
        return current(session, now).<Outcome>map(m -> new Rotated(new Issued(m, session.getId(), successor,
            next.get().getExpiresAt()))).orElseGet(() -> new Rejected("user-disabled", session.getId(),
            session.getUserId()));
      }
      if (presented.isExpired(now) || !session.isActive(now)) {
        return new Rejected("expired-or-revoked", session.getId(), session.getUserId());
      }
      Optional<SignedInStaff> member = current(session, now);
      if (member.isEmpty()) {
        return new Rejected("user-disabled", session.getId(), session.getUserId());
      }
      presented.markUsed(now);
      // the session cannot outlive its first expiry by rotating: the new token expires with it at the latest
      Instant expires = now.plus(refreshLifetime).isAfter(session.getExpiresAt()) ? session.getExpiresAt()
          : now.plus(refreshLifetime);
      persistToken(session, now, expires, successor);
      return new Rotated(new Issued(member.get(), session.getId(), successor, expires));
    });
    if (outcome instanceof Rejected rejected) {
      Map<String, Object> details = new HashMap<>();
      details.put("reason", rejected.reason());
      details.put("session", rejected.sessionId());
      details.put("user", rejected.userId());
      events.record("reuse".equals(rejected.reason()) ? SecurityEvents.REFRESH_REUSE : SecurityEvents.INVALID_TOKEN,
          details);
      throw new DomainException.AuthenticationFailed("The refresh token is invalid, expired or revoked; sign in "
          + "again");
    }
    return ((Rotated) outcome).issued();
  }

  private Optional<RefreshToken> lockToken(String hash) {
    return em.createQuery("select t from RefreshToken t where t.tokenHash = :hash", RefreshToken.class)
        .setParameter("hash", hash).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst();
  }

  /**
   * The session's user as they are now, the platform-operator role reconsidered (granted or revoked, audited);
   * empty, and the session revoked, when the user was disabled.
   */
  private Optional<SignedInStaff> current(Session session, Instant now) {
    Optional<StaffMember> member = staff.find(session.getUserId());
    if (member.isEmpty() || !member.get().isEnabled()) {
      session.revoke(now, "user-disabled");
      member.ifPresent(operators::reconcile);
      return Optional.empty();
    }
    StaffMember m = member.get();
    boolean operator = operators.reconcile(m);
    return Optional.of(new SignedInStaff(m.getId(), m.getOrganizationId(), m.getEmail(), m.getName(),
        staff.membershipsOf(m.getId()), operator));
  }

  /**
   * The caller of an access token if its session is still active and its user enabled, with the memberships
   * as they are now (a removed membership takes effect at once, whatever the token says): read from the
   * database at most every few seconds per session, and at once after any change to them ({@link CallerCache}).
   */
  public Optional<Caller> activeCaller(UUID sessionId, UUID userId, UUID organizationId) {
    return callers.get(sessionId, userId, organizationId, () -> system.call(() -> {
      Session session = em.find(Session.class, sessionId);
      if (session == null || !session.getUserId().equals(userId)
          || !session.getOrganizationId().equals(organizationId) || !session.isActive(Instant.now())) {
        return Optional.<CallerCache.Loaded>empty();
      }
      Optional<StaffMember> member = staff.find(userId);
      if (member.isEmpty() || !member.get().isEnabled()) {
        return Optional.<CallerCache.Loaded>empty();
      }
      // the installation's operators hold PLATFORM_OPERATOR on top of their organization's roles
      Role[] extra = operators.isOperator(userId, member.get().getEmail()) ? new Role[] {Role.PLATFORM_OPERATOR}
          : new Role[0];
      return Optional.of(new CallerCache.Loaded(Caller.of(userId, organizationId, staff.membershipsOf(userId),
          extra), session.getExpiresAt()));
    }));
  }

  public void revoke(UUID sessionId, String reason) {
    system.call(() -> {
      Session session = em.find(Session.class, sessionId, LockModeType.PESSIMISTIC_WRITE);
      if (session != null) {
        session.revoke(Instant.now(), reason);
      }
      return null;
    });
  }

  /**
   * Ends the session a refresh token belongs to, whatever the token's state (sign-out by cookie, which may
   * carry a spent token when a refresh answer was lost). An unknown token ends nothing.
   */
  public void revokeByRefreshToken(String token, String reason) {
    String hash = RefreshTokenSecret.current().hash(token);
    system.call(() -> {
      em.createQuery("select t from RefreshToken t where t.tokenHash = :hash", RefreshToken.class)
          .setParameter("hash", hash).getResultStream().findFirst()
          .map(t -> em.find(Session.class, t.getSessionId(), LockModeType.PESSIMISTIC_WRITE))
          .ifPresent(session -> session.revoke(Instant.now(), reason));
      return null;
    });
  }

  /** Ends every session of a user, in the caller's transaction (password change, disabling, role change). */
  public int revokeAllOf(UUID userId, String reason) {
    List<Session> open = em.createQuery("select s from Session s where s.userId = :user and s.revokedAt is null",
        Session.class).setParameter("user", userId).getResultList();
    Instant now = Instant.now();
    open.forEach(s -> s.revoke(now, reason));
    if (!open.isEmpty()) {
      events.record(SecurityEvents.SESSION_REVOKED, Map.of("user", userId, "reason", reason,
          "sessions", open.size()));
    }
    return open.size();
  }

  /** The first token of a session: random. Its successors are derived from it (see {@link #refresh}). */
  private String newToken(Session session, Instant now, Duration lifetime) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    persistToken(session, now, now.plus(lifetime), token);
    return token;
  }

  private void persistToken(Session session, Instant now, Instant expires, String token) {
    em.persist(new RefreshToken(Ids.newId(), session.getId(), RefreshTokenSecret.current().hash(token), now,
        expires));
  }
}
