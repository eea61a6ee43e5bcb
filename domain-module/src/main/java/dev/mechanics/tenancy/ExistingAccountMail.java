package dev.mechanics.tenancy;

import dev.mechanics.platform.mail.MailSender;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;

/**
 * Tells the holder of an address that someone tried to sign up with it. Sent after the sign-up has answered
 * (an asynchronous event), so the answer takes as long whether the address had an account or not.
 */
@ApplicationScoped
public class ExistingAccountMail {

  @Inject
  MailSender mail;

  @Inject
  SystemTransactions system;

  @Inject
  StaffMembers staff;

  void onSignUp(@ObservesAsync SignUpService.ExistingAccountSignUp attempt) {
    String name = system.call(() -> staff.findByEmail(attempt.email()).map(StaffMember::getName)).orElse(null);
    if (name == null) {
      return;
    }
    mail.send(attempt.email(), "Someone tried to open a Mechanics account with your address",
        "Hello " + name + ",\n\nsomeone (perhaps you) tried to sign up a new organization on Mechanics with this "
            + "address. It already has an account, so nothing was created.\n\nIf it was you: sign in with this "
            + "address instead. If it was not, you need not do anything; your account is unchanged.\n");
  }
}
