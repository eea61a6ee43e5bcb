package dev.mechanics.reminders;

import dev.mechanics.platform.Tenancy;
import dev.mechanics.platform.batch.job.ExplainedBatchlet;
import dev.mechanics.platform.mail.MailSender;
import dev.mechanics.scheduling.AppointmentReminderMail;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Sends the day-before reminders of the run's organization. Each appointment is marked once its mail was handed
 * over, so a restart or a second run the same day mails only those not yet reminded; a mail the sender refused
 * stays unmarked and is tried again by the next run. The log names counts and ids, never an address.
 */
@Dependent
@Named("appointmentReminders")
public class AppointmentReminderBatchlet extends ExplainedBatchlet {

  private static final Logger LOG = Logger.getLogger(AppointmentReminderBatchlet.class.getName());

  @Inject
  AppointmentReminderMail reminders;

  @Inject
  MailSender mailSender;

  @Override
  protected String run() {
    UUID organizationId = organizationId();
    Instant now = Instant.now();
    List<UUID> due = Tenancy.callAs(organizationId, () -> reminders.due(now));
    int mailed = 0;
    int withoutAddress = 0;
    int refused = 0;
    for (UUID id : due) {
      Optional<MailSender.Message> message = Tenancy.callAs(organizationId, () -> reminders.compose(id));
      if (message.isEmpty()) {
        withoutAddress++;
        continue;
      }
      if (mailSender.send(message.get())) {
        Tenancy.callAs(organizationId, () -> {
          reminders.markReminded(id, Instant.now());
          return null;
        });
        mailed++;
      } else {
        refused++;
        LOG.warning(() -> "appointment-reminders: the reminder of appointment " + id + " was not sent (see the "
            + "mail sender's log); the next run tries again");
      }
    }
    String summary = "DUE " + due.size() + " MAILED " + mailed + " NO_ADDRESS " + withoutAddress + " NOT_SENT "
        + refused;
    step.setPersistentUserData(summary);
    LOG.info(() -> "appointment-reminders run " + job.getInstanceId() + ": " + summary);
    return summary;
  }
}
