package dev.mechanics.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mechanics.files.StorageUnavailable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/**
 * Issue 16.3/16.5: what ProblemMapper answers with 503 (try again) rather than 500 (a bug) or a 4xx (bad data):
 * a database or store that is away, however deep in the causes.
 */
class DependencyFailuresTest {

  @Test
  void aDatabaseThatRefusesTimesOutOrShutsDownIsAway() {
    SQLException refused = new SQLException("Connection to 127.0.0.1:5432 refused", "08001",
        new ConnectException("Connection refused"));
    assertThat(DependencyFailures.unavailable(new IllegalStateException("wrapped", refused))).isEqualTo("database");
    assertThat(DependencyFailures.unavailable(new SQLException("I/O error", "08006"))).isEqualTo("database");
    assertThat(DependencyFailures.unavailable(new SQLException("canceling statement due to statement timeout",
        "57014"))).isEqualTo("database");
    assertThat(DependencyFailures.unavailable(new SQLException("terminating connection due to administrator "
        + "command", "57P01"))).isEqualTo("database");
    assertThat(DependencyFailures.unavailable(new SQLTransientConnectionException("pool wait timed out")))
        .isEqualTo("database");
  }

  @Test
  void aStoreThatDoesNotAnswerIsAwayEvenWhenWrapped() {
    StorageUnavailable away = new StorageUnavailable("upload of a/b", new HttpTimeoutException("3 s"));
    assertThat(DependencyFailures.unavailable(away)).isEqualTo("storage");
    assertThat(DependencyFailures.unavailable(new UncheckedIOException(away))).isEqualTo("storage");
    assertThat(StorageUnavailable.causes(new RuntimeException(new UncheckedIOException(away)))).isTrue();
  }

  @Test
  void badDataAndBugsAreNotOutages() {
    assertThat(DependencyFailures.unavailable(new SQLException("duplicate key", "23505"))).isNull();
    assertThat(DependencyFailures.unavailable(new SQLException("syntax error", "42601"))).isNull();
    assertThat(DependencyFailures.unavailable(new UncheckedIOException(new IOException("disk full")))).isNull();
    assertThat(StorageUnavailable.causes(new IOException("disk full"))).isFalse();
    assertThat(DependencyFailures.unavailable(new NullPointerException())).isNull();
  }
}
