package dev.mechanics.platform;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The log of a task that runs on a timer (scheduler poll, audit sealer, heartbeats) while a dependency is down:
 * the first failure with its stack, then nothing until the task works again, which is logged once. A timer that
 * fails every few seconds would otherwise bury the outage's one useful stack trace under hundreds of copies.
 */
public final class OutageLog {

  private final Logger log;
  private final String task;
  private boolean failing;
  private int repeats;

  public OutageLog(Logger log, String task) {
    this.log = log;
    this.task = task;
  }

  /** The task failed: logged with its stack if it worked last time, counted otherwise. */
  public synchronized void failed(Throwable e, String consequence) {
    if (failing) {
      repeats++;
      return;
    }
    failing = true;
    repeats = 0;
    log.log(Level.WARNING, task + " failed; " + consequence + " (logged once until it recovers)", e);
  }

  /** The task worked: says so once after an outage. */
  public synchronized void succeeded() {
    if (failing) {
      failing = false;
      log.info(task + " recovered after " + (repeats + 1) + " failed round(s)");
    }
  }
}
