package dev.mechanics.platform.batch;

import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.Page;
import dev.mechanics.platform.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Locale;
import java.util.UUID;

/**
 * Schedules of jobs. An organization's owners and managers schedule the organization's jobs and see only them;
 * platform operators manage the platform's schedules ({@code scope=platform}). A schedule's job and parameters
 * are checked by the job's {@link JobDefinition} when the schedule is written, not when it fires.
 */
@ApplicationScoped
public class ScheduleService {

  /** Whose schedules: an organization's, or the platform's ({@code organizationId} null). */
  public record Owner(UUID organizationId) {
    JobDefinition.Scope scope() {
      return organizationId == null ? JobDefinition.Scope.PLATFORM : JobDefinition.Scope.ORGANIZATION;
    }
  }

  @Inject
  Schedules schedules;

  @Inject
  JobDefinitions jobs;

  private final Clock clock = Clock.systemUTC();

  /** The schedules {@code scope} names ({@code organization}, the default, or {@code platform}) if the actor's. */
  public Owner owner(BatchActor actor, String scope) {
    if ("platform".equals(scope)) {
      if (!actor.platformJobs()) {
        throw new DomainException.Forbidden("platform schedules belong to platform operators");
      }
      return new Owner(null);
    }
    if (scope != null && !"organization".equals(scope)) {
      throw DomainException.InvalidInput.field("scope", "scope is organization (default) or platform");
    }
    if (!actor.organizationJobs()) {
      throw new DomainException.Forbidden("an organization's schedules belong to its owners and managers");
    }
    return new Owner(actor.organizationId());
  }

  public Page<Schedule> list(Owner owner, PageRequest page) {
    return schedules.list(owner.organizationId(), page);
  }

  public Schedule get(Owner owner, UUID id) {
    return schedules.find(owner.organizationId(), id);
  }

  public Schedule create(Owner owner, ScheduleDetails details) {
    JobDefinition job = jobs.require(details.jobName());
    if (job.scope() != owner.scope()) {
      throw DomainException.InvalidInput.field("jobName", details.jobName() + " is a "
          + job.scope().name().toLowerCase(Locale.ROOT) + " job");
    }
    job.check(details.parameters());
    return schedules.create(owner.organizationId(), details, clock.instant());
  }

  /** A schedule's job never changes; its parameters, cron, zone, recipients and pause do. */
  public Schedule change(Owner owner, UUID id, long expectedVersion, ScheduleDetails details) {
    Schedule current = schedules.find(owner.organizationId(), id);
    if (!current.jobName().equals(details.jobName())) {
      throw DomainException.InvalidInput.field("jobName", "a schedule's job cannot change; create another schedule");
    }
    jobs.require(details.jobName()).check(details.parameters());
    return schedules.change(owner.organizationId(), id, expectedVersion, details, clock.instant());
  }

  public void delete(Owner owner, UUID id) {
    schedules.delete(owner.organizationId(), id);
  }
}
