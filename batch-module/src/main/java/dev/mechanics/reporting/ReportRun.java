package dev.mechanics.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What one report run (a job instance) covers, fixed by its first execution. */
record ReportRun(long instanceId, UUID organizationId, String period, LocalDate start, LocalDate endExclusive,
                 String timeZone, Instant from, Instant to, String kpiVersion, List<String> recipients,
                 UUID lastLineId, long linesCounted) {

  String label() {
    return "DAY".equals(period) ? start.toString() : start.toString().substring(0, 7);
  }
}
