package dev.mechanics.reporting;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.UUID;

/**
 * Reads the period's billed line items in id order, a page at a time (keyset pagination: {@code id > last}),
 * so memory holds one page whatever the period's size. The checkpoint is the last id read; a restart reads on
 * after it.
 */
@Dependent
@Named("shopReportLineReader")
public class ShopReportLineReader extends AbstractItemReader {

  @Inject
  JobContext job;

  @Inject
  ReportStore store;

  /** Rows per query (job parameter pageSize); by default the chunk size. */
  @Inject
  @BatchProperty
  String pageSize;

  @Inject
  @BatchProperty
  String chunkSize;

  private ReportRun run;
  private UUID lastRead;
  private final Deque<ReportLine> page = new ArrayDeque<>();
  private boolean exhausted;
  private int size;

  @Override
  public void open(Serializable checkpoint) {
    run = store.run(job.getInstanceId())
        .orElseThrow(() -> new IllegalStateException("report run " + job.getInstanceId() + " was not prepared"));
    lastRead = checkpoint == null ? ReportStore.UNASSIGNED : UUID.fromString(checkpoint.toString());
    String rows = pageSize != null && !pageSize.isBlank() ? pageSize
        : chunkSize != null && !chunkSize.isBlank() ? chunkSize : "1000";
    size = Math.max(1, Math.min(50_000, Integer.parseInt(rows.trim())));
  }

  @Override
  public Object readItem() {
    if (page.isEmpty() && !exhausted) {
      page.addAll(store.lines(run, lastRead, size));
      exhausted = page.size() < size;
    }
    ReportLine line = page.poll();
    if (line != null) {
      lastRead = line.id();
    }
    return line;
  }

  @Override
  public Serializable checkpointInfo() {
    return lastRead.toString();
  }
}
