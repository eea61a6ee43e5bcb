package dev.mechanics.tenancy;

import dev.mechanics.platform.Tenancy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.function.Supplier;

/**
 * Runs work in a new transaction with tenant filtering off. The tenant is switched before the transaction
 * (and so the Hibernate session) begins, which is when Hibernate reads it.
 */
@ApplicationScoped
public class SystemTransactions {

  @Inject
  Inner inner;

  public <T> T call(Supplier<T> work) {
    return Tenancy.callAsSystem(() -> inner.inNewTransaction(work));
  }

  /** Separate bean so that the call goes through the transaction interceptor. */
  @ApplicationScoped
  public static class Inner {
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public <T> T inNewTransaction(Supplier<T> work) {
      return work.get();
    }
  }
}
