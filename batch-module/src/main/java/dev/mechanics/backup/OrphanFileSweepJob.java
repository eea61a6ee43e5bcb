package dev.mechanics.backup;

import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.batch.NamedJob;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Platform job {@code orphan-file-sweep} (orphan-file-sweep.xml): deletes uploaded files that no row refers to,
 * once they are older than the grace period. Parameter {@code graceMinutes} (default ORPHAN_FILE_GRACE_MINUTES,
 * 1440): a file younger than that may belong to an upload still being recorded. Runs daily at
 * ORPHAN_FILE_SWEEP_SCHEDULE (default 03:30).
 */
@ApplicationScoped
public class OrphanFileSweepJob extends NamedJob {

  public static final String GRACE_PARAMETER = "graceMinutes";

  @Inject
  @ConfigProperty(name = "ORPHAN_FILE_SWEEP_SCHEDULE", defaultValue = "30 3 * * *")
  String schedule;

  public OrphanFileSweepJob() {
    super("orphan-file-sweep", Scope.PLATFORM);
  }

  @Override
  public void check(Map<String, String> parameters) {
    String grace = parameters.get(GRACE_PARAMETER);
    if (grace != null && !grace.matches("[0-9]{1,7}")) {
      throw DomainException.InvalidInput.field("parameters." + GRACE_PARAMETER,
          "graceMinutes is a whole number of minutes");
    }
  }

  @Override
  public Optional<String> defaultSchedule() {
    return Optional.of(schedule);
  }
}
