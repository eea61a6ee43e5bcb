package dev.mechanics.tenancy;

import dev.mechanics.platform.mail.MailSender;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;

/**
 * The mail that invites a new staff member to choose their password on the app's invitation page, from the
 * shop they will work in, in their language, with the link's expiry in words ({@code mail/invitation.*}).
 */
@ApplicationScoped
public class InvitationMail {

  @Inject
  Composer composer;

  @Inject
  MailSender mail;

  /** True when the mail was handed to the SMTP server (false: only logged, or sending failed). */
  public boolean send(StaffMember member, String url) {
    return mail.send(composer.compose(member, url));
  }

  /** Reads what the mail says in one transaction; the sending happens after it. */
  @ApplicationScoped
  @Transactional
  public static class Composer {

    @Inject
    Letterheads letterheads;

    @Inject
    Organizations organizations;

    public MailSender.Message compose(StaffMember member, String url) {
      Letterhead h = letterheads.forStaff(member);
      String organization = organizations.find(member.getOrganizationId()).map(Organization::getName)
          .orElse(h.block().name());
      return h.mail("invitation", List.of(member.getEmail()), member.getName(),
          h.messages().get("mail.invitation.subject", organization), Map.of("organization", organization,
              "url", url, "expires", h.formats().inWords(member.getInvitationExpiresAt(), h.messages())),
          List.of());
    }
  }
}
