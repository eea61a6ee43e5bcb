package dev.mechanics.tenancy;

import dev.mechanics.platform.Tenancy;
import dev.mechanics.platform.mail.MailSender;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Notices about a staff member's own account, in their language with times in words: their password was
 * changed ({@code mail/password-changed.*}), and too many failed sign-ins locked it ({@code mail/lockout.*},
 * on {@link AuthenticationService.AccountLocked}).
 */
@ApplicationScoped
public class AccountMails {

  private static final Logger LOG = Logger.getLogger(AccountMails.class.getName());

  @Inject
  Composer composer;

  @Inject
  MailSender mail;

  /** After the change committed. */
  public boolean passwordChanged(UUID userId, Instant at) {
    return composer.passwordChanged(userId, at).map(mail::send).orElse(false);
  }

  /** Sign-in runs without an organization bound: the event names it. */
  void lockedOut(@Observes AuthenticationService.AccountLocked locked) {
    try {
      Tenancy.callAs(locked.organizationId(), () -> composer.lockedOut(locked.userId(), locked.until()))
          .ifPresent(mail::send);
    } catch (RuntimeException e) {
      LOG.warning("The lockout notice for user " + locked.userId() + " was not sent: " + e.getMessage());
    }
  }

  /** Reads what the mail says in one transaction; the sending happens after it. */
  @ApplicationScoped
  @Transactional
  public static class Composer {

    @Inject
    StaffMembers staff;

    @Inject
    Letterheads letterheads;

    public Optional<MailSender.Message> passwordChanged(UUID userId, Instant at) {
      return staff.find(userId).map(member -> {
        Letterhead h = letterheads.forStaff(member);
        return h.mail("password-changed", List.of(member.getEmail()), member.getName(),
            h.messages().get("mail.password.subject"), Map.of("email", member.getEmail(),
                "at", h.formats().inWords(at, h.messages())), List.of());
      });
    }

    public Optional<MailSender.Message> lockedOut(UUID userId, Instant until) {
      return staff.find(userId).map(member -> {
        Letterhead h = letterheads.forStaff(member);
        return h.mail("lockout", List.of(member.getEmail()), member.getName(),
            h.messages().get("mail.lockout.subject"), Map.of("email", member.getEmail(),
                "until", h.formats().inWords(until, h.messages())), List.of());
      });
    }
  }
}
