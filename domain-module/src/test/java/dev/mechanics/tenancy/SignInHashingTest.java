package dev.mechanics.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.PasswordHasher;
import dev.mechanics.platform.SecurityEvents;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Issue 15.9: the password hash (tens of milliseconds, queued behind other sign-ins) runs while no transaction is
 * open, so no pooled connection and no row lock is held meanwhile. The transactions are played by a stand-in that
 * remembers whether one is open; the hasher notes what it saw.
 */
class SignInHashingTest {

  private static final ThreadLocal<Boolean> IN_TRANSACTION = ThreadLocal.withInitial(() -> false);
  private final List<String> hashedWhile = new ArrayList<>();
  private final StaffMember owner = new StaffMember(UUID.randomUUID(), "owner@example.com", "Owner", "stored-hash");

  private AuthenticationService service() {
    AuthenticationService service = new AuthenticationService();
    service.system = new SystemTransactions() {
      @Override
      public <T> T call(Supplier<T> work) {
        IN_TRANSACTION.set(true);
        try {
          return work.get();
        } finally {
          IN_TRANSACTION.set(false);
        }
      }
    };
    service.hasher = new PasswordHasher() {
      @Override
      public boolean matches(String password, String hash) {
        hashedWhile.add(IN_TRANSACTION.get() ? "in a transaction" : "outside");
        return password.equals("right") && hash.equals("stored-hash");
      }

      @Override
      public void burnTime(String password) {
        hashedWhile.add(IN_TRANSACTION.get() ? "in a transaction" : "outside");
      }
    };
    service.staff = new StaffMembers() {
      @Override
      public Optional<StaffMember> findByEmail(String email) {
        return owner.getEmail().equals(email) ? Optional.of(owner) : Optional.empty();
      }

      @Override
      public Optional<StaffMember> findForUpdate(UUID id) {
        assertThat(IN_TRANSACTION.get()).as("the row is locked inside a transaction").isTrue();
        return owner.getId().equals(id) ? Optional.of(owner) : Optional.empty();
      }

      @Override
      public List<Membership> membershipsOf(UUID userId) {
        return List.of();
      }
    };
    service.operators = new PlatformOperators() {
      @Override
      public boolean reconcile(StaffMember member) {
        return false;
      }
    };
    service.events = new SecurityEvents();
    return service;
  }

  @Test
  void aSuccessfulSignInHashesOutsideAnyTransaction() {
    SignedInStaff signedIn = service().authenticate("owner@example.com", "right", "203.0.113.1");
    assertThat(signedIn.userId()).isEqualTo(owner.getId());
    assertThat(hashedWhile).containsExactly("outside");
  }

  @Test
  void wrongPasswordsAndUnknownAddressesHashOutsideToo() {
    AuthenticationService service = service();
    assertThatThrownBy(() -> service.authenticate("owner@example.com", "wrong", "203.0.113.1"))
        .isInstanceOf(DomainException.AuthenticationFailed.class);
    assertThatThrownBy(() -> service.authenticate("nobody@example.com", "wrong", "203.0.113.1"))
        .isInstanceOf(DomainException.AuthenticationFailed.class);
    assertThat(hashedWhile).containsExactly("outside", "outside");
  }
}
