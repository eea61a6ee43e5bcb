package dev.mechanics.platform.web;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations in configuration: {@code 90s}, {@code 15m}, {@code 12h}, {@code 7d} or ISO-8601 ({@code PT15M}). */
public final class DurationSetting {

  private static final Pattern SHORT = Pattern.compile("(\\d{1,9})\\s*([smhd])");

  private DurationSetting() {
  }

  /** Parses the value of {@code variable}; an invalid value stops start-up with a message naming it. */
  public static Duration parse(String variable, String value) {
    String text = value == null ? "" : value.trim().toLowerCase();
    Matcher m = SHORT.matcher(text);
    Duration duration = null;
    if (m.matches()) {
      long amount = Long.parseLong(m.group(1));
      duration = switch (m.group(2)) {
        case "s" -> Duration.ofSeconds(amount);
        case "m" -> Duration.ofMinutes(amount);
        case "h" -> Duration.ofHours(amount);
        default -> Duration.ofDays(amount);
      };
    } else {
      try {
        duration = Duration.parse(value.trim());
      } catch (RuntimeException e) {
        // reported below
      }
    }
    if (duration == null || duration.isZero() || duration.isNegative()) {
      throw new IllegalArgumentException(variable + " is invalid: expected a positive duration such as 15m, 7d "
          + "or PT15M");
    }
    return duration;
  }
}
