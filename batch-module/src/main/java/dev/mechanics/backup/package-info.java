/**
 * Backups as Jakarta Batch jobs: database-backup (snapshot, verify, retention), database-restore, file-backup
 * and backup-retention. Each job is declared by a JobDefinition bean here (DatabaseBackupJob, ...) beside its
 * job XML in META-INF/batch-jobs; what every job shares is in dev.mechanics.platform.batch.job (ADR 0030).
 */
package dev.mechanics.backup;
