package dev.mechanics.customer;

import java.util.Locale;
import java.util.Optional;

/**
 * A vehicle identification number: 17 characters, no I, O or Q, and the North American check digit in
 * position 9 (49 CFR 565).
 */
public record Vin(String value) {

  private static final int[] WEIGHTS = {8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};

  public Vin {
    Optional<String> problem = problemWith(value);
    if (problem.isPresent()) {
      throw new IllegalArgumentException(problem.get());
    }
    value = value.toUpperCase(Locale.ROOT);
  }

  /** Why the text is not a valid VIN, or empty when it is. */
  public static Optional<String> problemWith(String text) {
    if (text == null || text.length() != 17) {
      return Optional.of("must be exactly 17 characters");
    }
    String vin = text.toUpperCase(Locale.ROOT);
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      char c = vin.charAt(i);
      if (c == 'I' || c == 'O' || c == 'Q') {
        return Optional.of("must not contain the letters I, O or Q");
      }
      int value = transliterate(c);
      if (value < 0) {
        return Optional.of("may contain only letters and digits");
      }
      sum += value * WEIGHTS[i];
    }
    int remainder = sum % 11;
    char expected = remainder == 10 ? 'X' : (char) ('0' + remainder);
    if (vin.charAt(8) != expected) {
      return Optional.of("check digit (9th character) does not match; expected " + expected);
    }
    return Optional.empty();
  }

  private static int transliterate(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    return switch (c) {
      case 'A', 'J' -> 1;
      case 'B', 'K', 'S' -> 2;
      case 'C', 'L', 'T' -> 3;
      case 'D', 'M', 'U' -> 4;
      case 'E', 'N', 'V' -> 5;
      case 'F', 'W' -> 6;
      case 'G', 'P', 'X' -> 7;
      case 'H', 'Y' -> 8;
      case 'R', 'Z' -> 9;
      default -> -1;
    };
  }

  /** Puts the right check digit into a 17-character candidate (used to generate valid demo and test VINs). */
  public static String withCheckDigit(String candidate) {
    String vin = candidate.toUpperCase(Locale.ROOT);
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += i == 8 ? 0 : transliterate(vin.charAt(i)) * WEIGHTS[i];
    }
    int remainder = sum % 11;
    char check = remainder == 10 ? 'X' : (char) ('0' + remainder);
    return vin.substring(0, 8) + check + vin.substring(9);
  }
}
