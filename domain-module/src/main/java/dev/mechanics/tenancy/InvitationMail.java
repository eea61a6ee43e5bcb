package dev.mechanics.tenancy;

import dev.mechanics.platform.mail.MailSender;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The mail that invites a new staff member to choose their password. */
@ApplicationScoped
public class InvitationMail {

  @Inject
  MailSender mail;

  @Inject
  Organizations organizations;

  /** True when the mail was handed to the SMTP server (false: only logged, or sending failed). */
  public boolean send(StaffMember member, String url) {
    String organization = organizations.find(member.getOrganizationId()).map(Organization::getName)
        .orElse("your shop");
    return mail.send(member.getEmail(), "You are invited to " + organization + " on Mechanics",
        "Hello " + member.getName() + ",\n\nyou have been invited to " + organization + ". Choose your password "
            + "with this link (POST {\"password\": \"...\"} to it, or open it in the Mechanics app):\n\n" + url
            + "\n\nThe link works once and expires at " + member.getInvitationExpiresAt() + ".\n");
  }
}
