package dev.mechanics.workorder;

import dev.mechanics.platform.mail.MailSender;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;

/** The mail that hands a customer the approval link of their estimate. */
@ApplicationScoped
public class ApprovalMail {

  @Inject
  MailSender mail;

  /** True when the mail was handed to the SMTP server (false: only logged, or sending failed). */
  public boolean send(String to, String workOrderNumber, String url, Instant expiresAt) {
    return mail.send(to, "Your estimate " + workOrderNumber + " is ready for approval",
        "Hello,\n\nplease review estimate " + workOrderNumber + " and approve or decline each line:\n\n" + url
            + "\n\nThe link works once and expires at " + expiresAt + ".\n");
  }
}
