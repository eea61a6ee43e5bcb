package dev.mechanics.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.function.Supplier;

/**
 * Runs a resource's business change and the mail it causes in one transaction: the outbox row (ADR 0046)
 * commits with the link or invitation it carries, or neither does. The services called inside join it.
 */
@ApplicationScoped
public class OneTransaction {

  @Transactional
  public <T> T call(Supplier<T> work) {
    return work.get();
  }
}
