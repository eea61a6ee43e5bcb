package dev.mechanics.platform.batch;

import java.util.Arrays;
import java.util.Optional;

/**
 * The jobs the application offers (job XML in batch-module's META-INF/batch-jobs). Platform jobs cover the
 * whole installation and belong to platform operators; organization jobs only ever see their organization.
 */
public enum BatchJob {
  DATABASE_BACKUP("database-backup", Scope.PLATFORM),
  DATABASE_RESTORE("database-restore", Scope.PLATFORM),
  FILE_BACKUP("file-backup", Scope.PLATFORM),
  BACKUP_RETENTION("backup-retention", Scope.PLATFORM),
  DAILY_SHOP_REPORT("daily-shop-report", Scope.ORGANIZATION);

  public enum Scope { PLATFORM, ORGANIZATION }

  private final String jobName;
  private final Scope scope;

  BatchJob(String jobName, Scope scope) {
    this.jobName = jobName;
    this.scope = scope;
  }

  public String jobName() {
    return jobName;
  }

  public Scope scope() {
    return scope;
  }

  public static Optional<BatchJob> named(String name) {
    return Arrays.stream(values()).filter(j -> j.jobName.equals(name)).findFirst();
  }
}
