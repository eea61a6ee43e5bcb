package dev.mechanics.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LoginRulesTest {

  @Test
  void lockoutsGrowTwiceAsLongEachTimeUpToAnHour() {
    assertThat(StaffMember.lockoutLength(0)).isEqualTo(Duration.ofSeconds(30));
    assertThat(StaffMember.lockoutLength(1)).isEqualTo(Duration.ofMinutes(1));
    assertThat(StaffMember.lockoutLength(3)).isEqualTo(Duration.ofMinutes(4));
    assertThat(StaffMember.lockoutLength(50)).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void theFifthFailureInARowLocksAndASuccessForgivesEverything() {
    StaffMember member = new StaffMember(UUID.randomUUID(), "a@b.c", "A", "hash");
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    for (int i = 0; i < 4; i++) {
      assertThat(member.recordFailedLogin(now)).isFalse();
    }
    assertThat(member.recordFailedLogin(now)).isTrue();
    assertThat(member.isLockedAt(now.plusSeconds(29))).isTrue();
    assertThat(member.isLockedAt(now.plusSeconds(30))).isFalse();
    for (int i = 0; i < 5; i++) {
      member.recordFailedLogin(now.plusSeconds(40));
    }
    assertThat(member.getLockedUntil()).isEqualTo(now.plusSeconds(40).plus(Duration.ofMinutes(1)));
    member.recordSuccessfulLogin();
    assertThat(member.isLockedAt(now.plusSeconds(41))).isFalse();
  }

  @Test
  void thePasswordPolicyRefusesShortCommonAndEmailPasswords() {
    PasswordPolicy policy = new PasswordPolicy();
    assertThat(PasswordPolicy.knownPasswords()).isGreaterThan(1000);
    assertThat(policy.problem("short", null)).contains("at least 12");
    assertThat(policy.problem("Password1234", null)).contains("common");
    assertThat(policy.problem("correct horse battery staple", null)).contains("common");
    assertThat(policy.problem("someone@example.com", "someone@example.com")).contains("e-mail");
    assertThat(policy.problem("x".repeat(201), null)).contains("at most");
    assertThat(policy.problem("brake pads and rotors", "a@b.c")).isNull();
  }
}
