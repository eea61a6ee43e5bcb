package dev.mechanics.reminders;

import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.batch.JobLauncher;
import dev.mechanics.platform.batch.NamedJob;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Set;

/**
 * Organization job {@code appointment-reminders} (appointment-reminders.xml): mails each customer with a booked
 * appointment on the next local day of its shop a reminder, once (ADR 0053). Scheduled like the reports, for
 * instance daily at 16:00 in the organization's zone. No parameters of its own; schedule recipients are not used
 * (the customers are the recipients).
 */
@ApplicationScoped
public class AppointmentRemindersJob extends NamedJob {

  /** What the launcher and a schedule add; anything else is a mistake of the caller. */
  private static final Set<String> KNOWN = Set.of(JobLauncher.ORGANIZATION_PARAMETER,
      JobLauncher.RECIPIENTS_PARAMETER, JobLauncher.SCHEDULE_PARAMETER);

  public AppointmentRemindersJob() {
    super("appointment-reminders", Scope.ORGANIZATION);
  }

  @Override
  public void check(Map<String, String> parameters) {
    if (parameters == null) {
      return;
    }
    for (String name : parameters.keySet()) {
      if (!KNOWN.contains(name)) {
        throw DomainException.InvalidInput.field("parameters." + name,
            "appointment-reminders takes no parameter " + name);
      }
    }
  }
}
