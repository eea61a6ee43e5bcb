package dev.mechanics.platform.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.postgresql.PGNotification;
import org.postgresql.core.Notification;

/** What the one listener does without a database: its handlers by channel, a wait's batches, its backoff. */
class DatabaseListenerTest {

  private static DatabaseListener.Handler on(String channel) {
    return new DatabaseListener.Handler() {
      @Override
      public String channel() {
        return channel;
      }

      @Override
      public void connected(Connection c) {
      }

      @Override
      public void notified(Connection c, List<String> payloads) {
      }
    };
  }

  @Test
  void everyHandlerIsFoundByItsChannel() {
    DatabaseListener.Handler board = on("work_order_events");
    DatabaseListener.Handler callers = on("caller_changes");
    assertThat(DatabaseListener.byChannel(List.of(board, callers)))
        .isEqualTo(Map.of("work_order_events", board, "caller_changes", callers));
  }

  @Test
  void twoHandlersOfOneChannelOrAChannelListenCannotTakeFailTheStart() {
    assertThatThrownBy(() -> DatabaseListener.byChannel(List.of(on("caller_changes"), on("caller_changes"))))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("two handlers");
    for (String bad : new String[] {null, "", "Caller", "caller changes", "x; drop table users", "1st"}) {
      assertThatThrownBy(() -> DatabaseListener.byChannel(List.of(on(bad))))
          .as(bad).isInstanceOf(IllegalStateException.class).hasMessageContaining("not a channel name");
    }
  }

  @Test
  void aWaitsNotificationsGoToTheirChannelInTheOrderTheyCame() {
    PGNotification[] notes = {
        new Notification("work_order_events", 1, "7"),
        new Notification("caller_changes", 1, "user:a"),
        new Notification("work_order_events", 2, "8"),
        new Notification("caller_changes", 2, "session:b")};
    Map<String, List<String>> batches = DatabaseListener.payloadsByChannel(notes);
    assertThat(batches).containsOnlyKeys("work_order_events", "caller_changes");
    assertThat(batches.get("work_order_events")).containsExactly("7", "8");
    assertThat(batches.get("caller_changes")).containsExactly("user:a", "session:b");
  }

  @Test
  void theBackoffDoublesFromHalfASecondToTenSeconds() {
    long backoff = DatabaseListener.FIRST_BACKOFF_MILLIS;
    StringBuilder seen = new StringBuilder().append(backoff);
    for (int i = 0; i < 7; i++) {
      backoff = DatabaseListener.nextBackoff(backoff);
      seen.append(' ').append(backoff);
    }
    assertThat(seen).hasToString("500 1000 2000 4000 8000 10000 10000 10000");
  }
}
