package dev.mechanics.tenancy;

import dev.mechanics.platform.mail.MailSender;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;

/** The mail that asks a staff member to prove their address by following a link. */
@ApplicationScoped
public class EmailVerificationMail {

  @Inject
  MailSender mail;

  /**
   * {@code url} is the app's page that confirms (a browser opens it with GET); true when the mail was handed to
   * the SMTP server (false: only logged, or sending failed).
   */
  public boolean send(String to, String name, String url, Instant expiresAt) {
    return mail.send(to, "Confirm your e-mail address for Mechanics",
        "Hello " + name + ",\n\nplease confirm that this is your address by opening this link:\n\n" + url
            + "\n\nThe link expires at " + expiresAt + ". If you did not ask for it, ignore this mail.\n");
  }
}
