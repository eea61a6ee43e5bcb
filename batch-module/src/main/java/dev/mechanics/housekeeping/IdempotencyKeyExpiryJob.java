package dev.mechanics.housekeeping;

import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.batch.NamedJob;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Platform job {@code idempotency-key-expiry} (idempotency-key-expiry.xml): forgets the answers kept for
 * Idempotency-Keys (table idempotent_answers, V51) once they are older than parameter {@code maxAgeHours}
 * (default IDEMPOTENCY_KEY_HOURS, 168). A week covers a technician's tablet that resends its queue when the bay's
 * Wi-Fi returns after a weekend; after that a resend is a new request. Runs daily at
 * IDEMPOTENCY_KEY_EXPIRY_SCHEDULE (default 03:45). Keys kept on payments and credit notes stay with their rows.
 */
@ApplicationScoped
public class IdempotencyKeyExpiryJob extends NamedJob {

  public static final String MAX_AGE_PARAMETER = "maxAgeHours";

  @Inject
  @ConfigProperty(name = "IDEMPOTENCY_KEY_EXPIRY_SCHEDULE", defaultValue = "45 3 * * *")
  String schedule;

  public IdempotencyKeyExpiryJob() {
    super("idempotency-key-expiry", Scope.PLATFORM);
  }

  @Override
  public void check(Map<String, String> parameters) {
    String age = parameters.get(MAX_AGE_PARAMETER);
    if (age != null && !age.matches("[0-9]{1,6}")) {
      throw DomainException.InvalidInput.field("parameters." + MAX_AGE_PARAMETER,
          "maxAgeHours is a whole number of hours");
    }
  }

  @Override
  public Optional<String> defaultSchedule() {
    return Optional.of(schedule);
  }
}
