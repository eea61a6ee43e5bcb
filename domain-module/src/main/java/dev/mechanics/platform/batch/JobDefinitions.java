package dev.mechanics.platform.batch;

import dev.mechanics.platform.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Every {@link JobDefinition} bean of the application: the jobs there are. */
@ApplicationScoped
public class JobDefinitions {

  @Inject
  @Any
  Instance<JobDefinition> definitions;

  public List<JobDefinition> all() {
    return definitions.stream().sorted(Comparator.comparing(JobDefinition::name)).toList();
  }

  public Optional<JobDefinition> named(String name) {
    return definitions.stream().filter(d -> d.name().equals(name)).findFirst();
  }

  /** The job, or 422 on the field {@code jobName}. */
  public JobDefinition require(String name) {
    return named(name).orElseThrow(() -> DomainException.InvalidInput.field("jobName", "no job named " + name));
  }
}
