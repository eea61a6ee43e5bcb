/**
 * What every job uses while it runs, whatever its business: {@link JobOutcomeListener} (named in every job XML),
 * {@link JobMetrics}, {@link ExplainedBatchlet} (the base of every batchlet) and {@link JobOutputs}. Jobs live
 * in their business package (backup, reporting, ...) with a {@code JobDefinition} bean beside their XML; see
 * docs/recipes.md, "Add a batch job".
 */
package dev.mechanics.platform.batch.job;
