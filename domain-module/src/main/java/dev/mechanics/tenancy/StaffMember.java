package dev.mechanics.tenancy;

import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/** A person who signs in: owner, manager, service advisor or technician of one organization. */
@Entity
@Table(name = "users")
@EntityListeners(CallerChanges.class)
public class StaffMember extends TenantOwnedEntity {

  @Column(nullable = false, length = 320)
  private String email;

  @Column(nullable = false, length = 200)
  private String name;

  @Column(name = "password_hash", nullable = false, length = 255)
  private String passwordHash;

  @Column(nullable = false)
  private boolean enabled;

  @Column(name = "failed_logins", nullable = false)
  private int failedLogins;

  @Column(nullable = false)
  private int lockouts;

  @Column(name = "locked_until")
  private Instant lockedUntil;

  /** BCP 47 tag of the mails this person receives; null: their shop's language. */
  @Column(name = "preferred_language", length = 16)
  private String preferredLanguage;

  @Column(name = "invitation_nonce")
  private UUID invitationNonce;

  @Column(name = "invitation_expires_at")
  private Instant invitationExpiresAt;

  /** When the user proved they read mail at {@link #email} (an accepted invitation, a verification link). */
  @Column(name = "email_verified_at")
  private Instant emailVerifiedAt;

  /** Consecutive failed sign-ins that lock the account. */
  public static final int FAILURES_BEFORE_LOCKOUT = 5;
  static final Duration FIRST_LOCKOUT = Duration.ofSeconds(30);
  static final Duration LONGEST_LOCKOUT = Duration.ofHours(1);

  protected StaffMember() {
  }

  public StaffMember(UUID organizationId, String email, String name, String passwordHash) {
    super(organizationId);
    this.email = normalizeEmail(email);
    this.name = name;
    this.passwordHash = passwordHash;
    this.enabled = true;
  }

  public static String normalizeEmail(String email) {
    return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
  }

  public String getEmail() {
    return email;
  }

  public String getName() {
    return name;
  }

  public String getPasswordHash() {
    return passwordHash;
  }

  public boolean isEnabled() {
    return enabled;
  }

  public boolean isLockedAt(Instant now) {
    return lockedUntil != null && now.isBefore(lockedUntil);
  }

  public Instant getLockedUntil() {
    return lockedUntil;
  }

  /**
   * Counts a failed sign-in; the fifth in a row locks the account, each lockout twice as long as the one before
   * (30 s, 1 min, 2 min, ... up to an hour). Returns true when this failure locked it.
   */
  public boolean recordFailedLogin(Instant now) {
    failedLogins++;
    if (failedLogins < FAILURES_BEFORE_LOCKOUT) {
      return false;
    }
    failedLogins = 0;
    lockedUntil = now.plus(lockoutLength(lockouts));
    lockouts++;
    return true;
  }

  static Duration lockoutLength(int previousLockouts) {
    Duration length = FIRST_LOCKOUT.multipliedBy(1L << Math.min(previousLockouts, 20));
    return length.compareTo(LONGEST_LOCKOUT) > 0 ? LONGEST_LOCKOUT : length;
  }

  public void recordSuccessfulLogin() {
    failedLogins = 0;
    lockouts = 0;
    lockedUntil = null;
  }

  public void changePassword(String newHash) {
    this.passwordHash = newHash;
  }

  /** A new invitation; any earlier invitation link stops working. */
  public void invite(UUID nonce, Instant expiresAt) {
    this.invitationNonce = nonce;
    this.invitationExpiresAt = expiresAt;
  }

  /** True while the user was invited and has not chosen a password yet. */
  public boolean isInvitationPending() {
    return invitationNonce != null;
  }

  /** The link's nonce and expiry: 409 for a link used or replaced, 410 for an expired one. */
  public void requireInvitation(UUID nonce, Instant now) {
    if (invitationNonce == null || !invitationNonce.equals(nonce)) {
      throw new DomainException.Conflict("This invitation was already used or replaced by "
          + "a newer one");
    }
    if (!now.isBefore(invitationExpiresAt)) {
      throw new DomainException.Gone("This invitation expired at " + invitationExpiresAt
          + "; ask for a new one");
    }
  }

  /** Checks the link's nonce and expiry, then sets the chosen password; the link cannot be used again. */
  public void acceptInvitation(UUID nonce, Instant now, String newHash) {
    requireInvitation(nonce, now);
    this.passwordHash = newHash;
    this.invitationNonce = null;
    this.invitationExpiresAt = null;
    // the link was mailed to this address: following it proves the address
    proveEmail(now);
  }

  /** The holder followed a link mailed to their address. */
  public void proveEmail(Instant now) {
    if (emailVerifiedAt == null) {
      emailVerifiedAt = now;
    }
  }

  public boolean isEmailProven() {
    return emailVerifiedAt != null;
  }

  public Instant getInvitationExpiresAt() {
    return invitationExpiresAt;
  }

  public UUID getInvitationNonce() {
    return invitationNonce;
  }

  public void disable() {
    this.enabled = false;
  }

  public void rename(String newName) {
    this.name = newName;
  }

  public String getPreferredLanguage() {
    return preferredLanguage;
  }

  /** A checked BCP 47 tag, or null for the shop's language. */
  public void preferLanguage(String tag) {
    this.preferredLanguage = tag;
  }
}
