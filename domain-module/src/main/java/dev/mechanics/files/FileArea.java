package dev.mechanics.files;

/** The two places files go: customers' uploads and the installation's backups (each its own container). */
public enum FileArea {
  UPLOADS, BACKUPS
}
