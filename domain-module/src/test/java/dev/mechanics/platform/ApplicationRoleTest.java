package dev.mechanics.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The application's least-privilege role is read from DATABASE_URL (the Azure deployment passes only URLs);
 * provisioning it against a real PostgreSQL is {@code ApplicationRoleIT} in the ear module.
 */
class ApplicationRoleTest {

  @Test
  void theRoleAndPasswordComeFromTheUrlInEitherForm() {
    assertThat(ApplicationRole.fromDatabaseUrl("postgresql://mechanics_app:p%40ss%3Aw0rd@db.example:5432/mechanics?sslmode=verify-full"))
        .contains(new ApplicationRole("mechanics_app", "p@ss:w0rd"));
    assertThat(ApplicationRole.fromDatabaseUrl("jdbc:postgresql://db.example/mechanics?user=app&password=secret"))
        .contains(new ApplicationRole("app", "secret"));
    assertThat(ApplicationRole.fromDatabaseUrl("postgresql://app@localhost/mechanics")).contains(new ApplicationRole("app", null));
    assertThat(ApplicationRole.fromDatabaseUrl("postgresql://localhost/mechanics")).isEmpty();
    assertThat(ApplicationRole.fromDatabaseUrl("not a url at all")).isEmpty();
    assertThat(new ApplicationRole("app", "secret").toString()).doesNotContain("secret");
  }
}
