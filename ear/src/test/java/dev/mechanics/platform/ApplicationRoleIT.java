package dev.mechanics.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mechanics.it.support.Api;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

/**
 * The owner provisions the application's least-privilege role from DATABASE_URL, against this run's PostgreSQL
 * (whichever server the test database came from: local, Testcontainers or embedded). In this package because
 * the SCRAM helpers are package-private.
 */
class ApplicationRoleIT {

  @Test
  void aMissingRoleIsCreatedWithLoginAndNothingElseAndARotatedPasswordIsSet() throws SQLException {
    String name = "mechanics_role_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection owner = Api.database()) {
      try {
        assertThat(new ApplicationRole(name, "first-'pass\\word").provision(owner)).as("created now").isTrue();
        Optional<String> first = verifier(owner, name);
        assertThat(first).hasValueSatisfying(v -> assertThat(v).startsWith("SCRAM-SHA-256$4096:"));
        assertThat(flags(owner, name)).isEqualTo("login=true super=false createdb=false createrole=false");

        assertThat(new ApplicationRole(name, "second-pass").provision(owner)).as("already there").isFalse();
        assertThat(verifier(owner, name)).isPresent().isNotEqualTo(first);

        // a URL without a password (local trust authentication) leaves the password alone
        Optional<String> second = verifier(owner, name);
        new ApplicationRole(name, null).provision(owner);
        assertThat(verifier(owner, name)).isEqualTo(second);
      } finally {
        try (Statement st = owner.createStatement()) {
          st.execute("drop role if exists " + ApplicationRole.identifier(name));
        }
      }
    }
  }

  /** The verifier computed here equals the one pgjdbc computes (its alterUserPassword) for the same salt. */
  @Test
  void theScramVerifierIsTheOneTheDriverComputes() throws SQLException {
    String name = "mechanics_scram_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    String password = "App-0f3a'\\$\"x9";
    try (Connection owner = Api.database()) {
      try (Statement st = owner.createStatement()) {
        st.execute("create role " + ApplicationRole.identifier(name) + " login");
      }
      try {
        owner.unwrap(PGConnection.class).alterUserPassword(name, password.toCharArray(), "scram-sha-256");
        String driver = verifier(owner, name).orElseThrow();
        Matcher m = Pattern.compile("SCRAM-SHA-256\\$(\\d+):([^$]+)\\$.*").matcher(driver);
        assertThat(m.matches()).as(driver).isTrue();
        byte[] salt = Base64.getDecoder().decode(m.group(2));
        assertThat(ApplicationRole.scramVerifier(password, salt, Integer.parseInt(m.group(1)))).isEqualTo(driver);
      } finally {
        try (Statement st = owner.createStatement()) {
          st.execute("drop role if exists " + ApplicationRole.identifier(name));
        }
      }
    }
  }

  private static Optional<String> verifier(Connection owner, String role) throws SQLException {
    try (PreparedStatement st = owner.prepareStatement("select rolpassword from pg_authid where rolname = ?")) {
      st.setString(1, role);
      try (ResultSet rs = st.executeQuery()) {
        return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
      }
    }
  }

  private static String flags(Connection owner, String role) throws SQLException {
    try (PreparedStatement st = owner.prepareStatement(
        "select rolcanlogin, rolsuper, rolcreatedb, rolcreaterole from pg_roles where rolname = ?")) {
      st.setString(1, role);
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        return "login=" + rs.getBoolean(1) + " super=" + rs.getBoolean(2) + " createdb=" + rs.getBoolean(3)
            + " createrole=" + rs.getBoolean(4);
      }
    }
  }
}
