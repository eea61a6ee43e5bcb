package dev.mechanics.tenancy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The callers of open sessions as the database last described them, so that an authenticated request does not
 * spend a transaction and four statements on who is asking (docs/adr/0051). An entry is believed for at most
 * {@code CALLER_CACHE_SECONDS} (default 5); before that it is dropped on this instance as soon as a change to the
 * session, the user, their memberships or their platform-operator grant is flushed and again when it commits
 * ({@link CallerChanges}), and on every other instance when the database's NOTIFY of that commit arrives (V118).
 * The time-to-live is the backstop for a notification that never arrives.
 *
 * <p>Bounded: past {@link #MAX_ENTRIES} sessions, arbitrary entries make room (they are re-read, nothing is lost).
 */
@ApplicationScoped
public class CallerCache {

  static final int MAX_ENTRIES = 10_000;

  private record Entry(Caller caller, UUID userId, UUID organizationId, Instant sessionExpiresAt, long loadedAt) {
  }

  private final Map<UUID, Entry> entries = new ConcurrentHashMap<>();
  /** Moves on every eviction: a caller read before an eviction is not stored after it (a revocation won). */
  private final AtomicLong generation = new AtomicLong();
  private long ttlNanos;

  @Inject
  void ttl(@ConfigProperty(name = "CALLER_CACHE_SECONDS", defaultValue = "5") long seconds) {
    ttlNanos = Math.max(0, seconds) * 1_000_000_000L;
  }

  /** What the database would answer for this session, or {@code load}'s answer (then kept). */
  Optional<Caller> get(UUID sessionId, UUID userId, UUID organizationId, Supplier<Optional<Loaded>> load) {
    long now = System.nanoTime();
    Entry entry = entries.get(sessionId);
    if (entry != null && now - entry.loadedAt() < ttlNanos && Instant.now().isBefore(entry.sessionExpiresAt())) {
      return entry.userId().equals(userId) && entry.organizationId().equals(organizationId)
          ? Optional.of(entry.caller()) : Optional.empty();
    }
    long seen = generation.get();
    Optional<Loaded> loaded = load.get();
    if (loaded.isEmpty()) {
      entries.remove(sessionId);
      return Optional.empty();
    }
    if (ttlNanos > 0 && generation.get() == seen) {
      makeRoom();
      entries.put(sessionId, new Entry(loaded.get().caller(), userId, organizationId,
          loaded.get().sessionExpiresAt(), now));
    }
    return Optional.of(loaded.get().caller());
  }

  /** A caller read from the database, with the end of its session. */
  record Loaded(Caller caller, Instant sessionExpiresAt) {
  }

  public void evictSession(UUID sessionId) {
    generation.incrementAndGet();
    entries.remove(sessionId);
  }

  public void evictUser(UUID userId) {
    generation.incrementAndGet();
    entries.values().removeIf(e -> e.userId().equals(userId));
  }

  /** Everything: after the notifications of other instances may have been missed (the listener reconnected). */
  public void evictAll() {
    generation.incrementAndGet();
    entries.clear();
  }

  int size() {
    return entries.size();
  }

  private void makeRoom() {
    if (entries.size() < MAX_ENTRIES) {
      return;
    }
    Iterator<UUID> it = entries.keySet().iterator();
    for (int i = 0; i < MAX_ENTRIES / 10 && it.hasNext(); i++) {
      it.next();
      it.remove();
    }
  }
}
