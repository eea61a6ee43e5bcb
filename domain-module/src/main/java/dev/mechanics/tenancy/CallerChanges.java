package dev.mechanics.tenancy;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.UUID;
import java.util.function.Consumer;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Whatever changes who a caller is (a session ended, a user disabled or given a new password, a membership
 * granted, changed or taken away, a platform-operator grant) leaves this instance's {@link CallerCache} when
 * Hibernate flushes it and again when its transaction ends: a request that read the old state in between must
 * not keep it. Other instances hear of it from the database (V118's NOTIFY).
 */
public class CallerChanges {

  @PostPersist
  @PostUpdate
  @PostRemove
  void changed(Object entity) {
    if (entity instanceof Session session) {
      evict(cache -> cache.evictSession(session.getId()));
    } else if (entity instanceof StaffMember member) {
      evictUserOf(member.getId());
    } else if (entity instanceof Membership membership) {
      evictUserOf(membership.getUserId());
    }
  }

  /** For changes made without an entity (native SQL): the platform-operator grants. */
  static void evictUserOf(UUID userId) {
    evict(cache -> cache.evictUser(userId));
  }

  private static void evict(Consumer<CallerCache> eviction) {
    CallerCache cache;
    try {
      cache = CDI.current().select(CallerCache.class).get();
    } catch (IllegalStateException noContainer) {
      return;
    }
    eviction.accept(cache);
    try {
      TransactionSynchronizationRegistry registry = (TransactionSynchronizationRegistry) new InitialContext()
          .lookup("java:comp/TransactionSynchronizationRegistry");
      if (registry.getTransactionStatus() == Status.STATUS_ACTIVE) {
        registry.registerInterposedSynchronization(new Synchronization() {
          @Override
          public void beforeCompletion() {
            // nothing to do before the commit: the state to forget is the committed one
          }

          @Override
          public void afterCompletion(int status) {
            eviction.accept(cache);
          }
        });
      }
    } catch (NamingException | RuntimeException e) {
      // no transaction to follow: the eviction above and the NOTIFY of the commit suffice
    }
  }
}
