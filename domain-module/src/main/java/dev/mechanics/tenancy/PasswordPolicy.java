package dev.mechanics.tenancy;

import dev.mechanics.platform.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a new password must be (NIST SP 800-63B): 12 to 200 characters, not a known breached or common
 * password (the shipped list {@code security/common-passwords.txt}), not the account's e-mail. No composition
 * rules: length beats symbols.
 */
@ApplicationScoped
public class PasswordPolicy {

  public static final int MIN_LENGTH = 12;
  public static final int MAX_LENGTH = 200;
  private static final Set<String> COMMON = load();

  private static Set<String> load() {
    Set<String> words = new HashSet<>();
    try (InputStream in = PasswordPolicy.class.getResourceAsStream("/security/common-passwords.txt")) {
      if (in == null) {
        throw new IllegalStateException("security/common-passwords.txt is missing from the domain module");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line; (line = reader.readLine()) != null; ) {
        if (!line.isBlank() && !line.startsWith("#")) {
          words.add(line.strip().toLowerCase(Locale.ROOT));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Set.copyOf(words);
  }

  /** Null when the password is acceptable, otherwise why not (for the field error). */
  public String problem(String password, String email) {
    if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
      return "must be at least " + MIN_LENGTH + " characters";
    }
    if (password.length() > MAX_LENGTH) {
      return "must be at most " + MAX_LENGTH + " characters";
    }
    String lower = password.strip().toLowerCase(Locale.ROOT);
    if (COMMON.contains(lower)) {
      return "is a commonly used or breached password; choose another";
    }
    if (email != null && lower.equals(email.strip().toLowerCase(Locale.ROOT))) {
      return "must not be your e-mail address";
    }
    return null;
  }

  public void require(String field, String password, String email) {
    String problem = problem(password, email);
    if (problem != null) {
      throw DomainException.InvalidInput.field(field, field + " " + problem);
    }
  }

  static int knownPasswords() {
    return COMMON.size();
  }
}
