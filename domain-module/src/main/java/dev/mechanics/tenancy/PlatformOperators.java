package dev.mechanics.tenancy;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * The installation's operators, by sign-in e-mail: they hold {@link Role#PLATFORM_OPERATOR} on top of whatever
 * their organization gives them. The list starts from PLATFORM_ADMIN_EMAILS and lives in the database so that
 * every instance agrees.
 */
@ApplicationScoped
public class PlatformOperators {

  @Resource(lookup = "jdbc/mechanics")
  DataSource dataSource;

  public void bootstrap(Collection<String> emails) {
    try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
        "insert into platform_operators (email) values (?) on conflict (email) do nothing")) {
      for (String email : emails) {
        if (!email.isBlank()) {
          st.setString(1, email.trim().toLowerCase(Locale.ROOT));
          st.executeUpdate();
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot record platform operators: " + e.getMessage(), e);
    }
  }

  public boolean isOperator(String email) {
    if (email == null) {
      return false;
    }
    try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
        "select 1 from platform_operators where email = ?")) {
      st.setString(1, email.trim().toLowerCase(Locale.ROOT));
      try (ResultSet rs = st.executeQuery()) {
        return rs.next();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read platform operators: " + e.getMessage(), e);
    }
  }
}
