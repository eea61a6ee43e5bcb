package dev.mechanics.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.PasswordHasher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * ADR 0057: a password change verifies the current password and hashes the new one with no transaction open, and
 * stores it only if the hash it verified against is still the stored one. The transactions are played by a
 * stand-in for {@link PasswordChanges} that remembers whether one is open; the hasher notes what it saw.
 */
class PasswordChangeHashingTest {

  private static final ThreadLocal<Boolean> IN_TRANSACTION = ThreadLocal.withInitial(() -> false);
  private final List<String> hashedWhile = new ArrayList<>();
  private final StaffMember owner = new StaffMember(UUID.randomUUID(), "owner@example.com", "Owner", "stored-hash");
  private final Caller caller = new Caller(owner.getId(), owner.getOrganizationId(), Set.of(), Map.of());
  private final List<String> stored = new ArrayList<>();
  private String storedHash = "stored-hash";

  private AuthenticationService service() {
    AuthenticationService service = new AuthenticationService();
    service.policy = new PasswordPolicy();
    service.hasher = new PasswordHasher() {
      @Override
      public boolean matches(String password, String hash) {
        hashedWhile.add(IN_TRANSACTION.get() ? "in a transaction" : "outside");
        return password.equals("current password") && hash.equals("stored-hash");
      }

      @Override
      public String hash(String password) {
        hashedWhile.add(IN_TRANSACTION.get() ? "in a transaction" : "outside");
        return "hash of " + password;
      }
    };
    service.passwordChanges = new PasswordChanges() {
      @Override
      public OnFile onFile(UUID userId) {
        return inTransaction(() -> new OnFile(userId, owner.getEmail(), storedHash));
      }

      @Override
      public void replace(OnFile checked, String newHash) {
        inTransaction(() -> {
          if (!storedHash.equals(checked.passwordHash())) {
            throw new DomainException.Conflict("changed meanwhile");
          }
          stored.add(newHash);
          return null;
        });
      }
    };
    return service;
  }

  private static <T> T inTransaction(java.util.function.Supplier<T> work) {
    IN_TRANSACTION.set(true);
    try {
      return work.get();
    } finally {
      IN_TRANSACTION.set(false);
    }
  }

  @Test
  void theCurrentPasswordIsVerifiedAndTheNewOneHashedOutsideAnyTransaction() {
    service().changePassword(caller, "current password", "a much longer garage passphrase");
    assertThat(hashedWhile).containsExactly("outside", "outside");
    assertThat(stored).containsExactly("hash of a much longer garage passphrase");
  }

  @Test
  void aWrongCurrentPasswordIs422AndStoresNothing() {
    assertThatThrownBy(() -> service().changePassword(caller, "wrong", "a much longer garage passphrase"))
        .isInstanceOf(DomainException.InvalidInput.class);
    assertThat(hashedWhile).containsExactly("outside");
    assertThat(stored).isEmpty();
  }

  @Test
  void aPasswordChangedBetweenTheReadAndTheWriteIs409() {
    AuthenticationService service = service();
    PasswordHasher verifying = service.hasher;
    service.hasher = new PasswordHasher() {
      @Override
      public boolean matches(String password, String hash) {
        boolean matches = verifying.matches(password, hash);
        storedHash = "changed by another request";
        return matches;
      }

      @Override
      public String hash(String password) {
        return verifying.hash(password);
      }
    };
    assertThatThrownBy(() -> service.changePassword(caller, "current password", "a much longer garage passphrase"))
        .isInstanceOf(DomainException.Conflict.class);
    assertThat(stored).isEmpty();
  }
}
