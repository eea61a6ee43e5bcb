/**
 * Database and file backups as Jakarta Batch jobs (job XML in META-INF/batch-jobs). The jobs themselves arrive
 * with the batch operations issue; the module exists now so that the EAR's shape and the architecture rules are
 * fixed from the start.
 */
package dev.mechanics.backup;
