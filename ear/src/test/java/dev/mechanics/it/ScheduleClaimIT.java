package dev.mechanics.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mechanics.it.support.Api;
import dev.mechanics.platform.batch.Schedule;
import dev.mechanics.platform.batch.ScheduleDetails;
import dev.mechanics.platform.batch.Schedules;
import dev.mechanics.platform.datasource.DatabaseUrl;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** Two scheduler instances (separate connection pools) claiming due schedules from the same database. */
class ScheduleClaimIT {

  private static PGSimpleDataSource dataSource() {
    DatabaseUrl url = Api.databaseUrl();
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(url.jdbcUrl());
    if (url.user() != null) {
      ds.setUser(url.user());
    }
    if (url.password() != null) {
      ds.setPassword(url.password());
    }
    return ds;
  }

  private static String organization() throws Exception {
    Api.awaitReady();
    try (Connection c = Api.database(); Statement st = c.createStatement();
         var rs = st.executeQuery("select id from organizations order by id limit 1")) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static void makeDue(List<UUID> ids, Instant at) throws Exception {
    try (Connection c = Api.database();
         PreparedStatement st = c.prepareStatement("update batch_schedules set next_fire_at = ? where id = ?")) {
      for (UUID id : ids) {
        st.setTimestamp(1, java.sql.Timestamp.from(at));
        st.setObject(2, id);
        st.executeUpdate();
      }
    }
  }

  @Test
  void aDueScheduleFiresExactlyOnceAcrossTwoInstances() throws Exception {
    UUID org = UUID.fromString(organization());
    Schedules first = new Schedules(dataSource());
    Schedules second = new Schedules(dataSource());
    // the started server polls this database too: work ten days ahead, where nothing is due for it yet
    Instant now = Instant.now().plus(java.time.Duration.ofDays(10));
    List<UUID> ids = new java.util.ArrayList<>();
    for (int i = 0; i < 40; i++) {
      ids.add(first.create(org, new ScheduleDetails("daily-shop-report", Map.of(), "0 6 * * *", "Europe/Berlin",
          List.of(), false), now).id());
    }
    makeDue(ids, now.minusSeconds(5));
    Map<UUID, AtomicInteger> fired = new ConcurrentHashMap<>();
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> polls = new java.util.ArrayList<>();
    for (Schedules instance : List.of(first, second, first, second)) {
      polls.add(pool.submit(() -> {
        go.await();
        for (int round = 0; round < 25; round++) {
          for (Schedule s : instance.claimDue(now, 3)) {
            if (ids.contains(s.id())) {
              fired.computeIfAbsent(s.id(), k -> new AtomicInteger()).incrementAndGet();
            }
          }
        }
        return null;
      }));
    }
    go.countDown();
    for (Future<?> f : polls) {
      f.get();
    }
    pool.shutdown();
    assertThat(fired).hasSize(ids.size());
    assertThat(fired.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
    // every claimed schedule now waits for its next regular time
    for (UUID id : ids) {
      assertThat(first.find(org, id).nextFireAt()).isAfter(now);
    }
    try (Connection c = Api.database(); Statement st = c.createStatement()) {
      st.execute("delete from batch_schedules where job_name = 'daily-shop-report' and cron = '0 6 * * *'");
    }
  }

  @Test
  void aRunMissedWhileTheServerWasDownFiresOnceOnReturn() throws Exception {
    UUID org = UUID.fromString(organization());
    Schedules instance = new Schedules(dataSource());
    // ahead of the real clock, so that the started server's own scheduler leaves this schedule alone
    Instant back = Instant.now().plus(java.time.Duration.ofDays(10));
    Instant downSince = back.minus(java.time.Duration.ofDays(3));
    Schedule s = instance.create(org, new ScheduleDetails("daily-shop-report", Map.of(), "15 4 * * *", "UTC",
        List.of(), false), downSince);
    makeDue(List.of(s.id()), downSince);
    long claimed = instance.claimDue(back, 100).stream().filter(c -> c.id().equals(s.id())).count();
    long again = instance.claimDue(back.plusSeconds(1), 100).stream().filter(c -> c.id().equals(s.id())).count();
    assertThat(claimed).isEqualTo(1);
    assertThat(again).isZero();
    assertThat(instance.find(org, s.id()).nextFireAt()).isAfter(back).isBefore(back.plus(java.time.Duration.ofDays(1)));
    instance.delete(org, s.id());
  }

  /** ADR 0048: a fire claimed by an instance that died before launching it is handed out again, to one poller. */
  @Test
  void aFireClaimedButNeverLaunchedIsHandedOutAgainAfterItsLease() throws Exception {
    UUID org = UUID.fromString(organization());
    Schedules dead = new Schedules(dataSource());
    Schedules alive = new Schedules(dataSource());
    Instant at = Instant.now().plus(java.time.Duration.ofDays(20));
    Schedule s = dead.create(org, new ScheduleDetails("daily-shop-report", Map.of(), "45 4 * * *", "UTC",
        List.of(), false), at.minus(java.time.Duration.ofDays(1)));
    makeDue(List.of(s.id()), at.minusSeconds(1));
    List<Schedules.Fire> claimed = dead.claimDueFires(at, 100, "dead-instance").stream()
        .filter(f -> f.schedule().id().equals(s.id())).toList();
    assertThat(claimed).hasSize(1);
    java.time.Duration lease = java.time.Duration.ofSeconds(60);
    // within the lease the claimer may still be launching it
    assertThat(alive.reclaimUnlaunched(at.plusSeconds(30), lease, 3, "alive", 100)).noneMatch(
        f -> f.id().equals(claimed.get(0).id()));
    List<Schedules.Fire> again = alive.reclaimUnlaunched(at.plusSeconds(61), lease, 3, "alive", 100);
    assertThat(again).extracting(Schedules.Fire::id).containsOnlyOnce(claimed.get(0).id());
    assertThat(dead.reclaimUnlaunched(at.plusSeconds(62), lease, 3, "dead", 100)).noneMatch(
        f -> f.id().equals(claimed.get(0).id()));
    alive.launched(claimed.get(0).id(), 4242, at.plusSeconds(63));
    assertThat(alive.reclaimUnlaunched(at.plusSeconds(600), lease, 3, "alive", 100)).noneMatch(
        f -> f.id().equals(claimed.get(0).id()));
    dead.delete(org, s.id());
  }
}
