package dev.mechanics.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** ADR 0046: a failed delivery waits twice as long each time, never longer than the cap. */
class OutboxSenderTest {

  private final OutboxSender.Policy policy = new OutboxSender.Policy(12, Duration.ofSeconds(10),
      Duration.ofMinutes(30), Duration.ofMinutes(2));

  @Test
  void theWaitDoublesFromTheFirstUpToTheCap() {
    assertThat(policy.retryAfter(1)).isEqualTo(Duration.ofSeconds(10));
    assertThat(policy.retryAfter(2)).isEqualTo(Duration.ofSeconds(20));
    assertThat(policy.retryAfter(5)).isEqualTo(Duration.ofSeconds(160));
    assertThat(policy.retryAfter(8)).isEqualTo(Duration.ofSeconds(1280));
    assertThat(policy.retryAfter(9)).isEqualTo(Duration.ofMinutes(30));
    // far beyond any real count: still the cap, no overflow
    assertThat(policy.retryAfter(1000)).isEqualTo(Duration.ofMinutes(30));
    assertThat(policy.retryAfter(0)).isEqualTo(Duration.ofSeconds(10));
  }
}
