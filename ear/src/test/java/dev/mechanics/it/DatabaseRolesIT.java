package dev.mechanics.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mechanics.it.support.Api;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * The test server connects as a role that owns nothing (DATABASE_URL) and migrates as the owner
 * (DATABASE_MIGRATION_URL): a compromised application cannot change the schema or rewrite the audit trail.
 */
class DatabaseRolesIT {

  private static void refused(String sql) {
    assertThatThrownBy(() -> {
      try (Connection app = Api.databaseAsApplication(); Statement st = app.createStatement()) {
        st.execute(sql);
      }
    }).as(sql).isInstanceOf(SQLException.class)
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).as(sql).isEqualTo("42501"));
  }

  @Test
  void theApplicationRoleCanUseDataButNotChangeTheSchemaOrTheAuditTrail() throws Exception {
    Api.newOrganization("roles").createCustomer("Role", "Check");
    try (Connection app = Api.databaseAsApplication(); Statement st = app.createStatement()) {
      assertThat(app.getMetaData().getUserName()).isEqualTo(Api.property("database.app.role"));
      var rs = st.executeQuery("select count(*) from customers");
      rs.next();
      assertThat(rs.getInt(1)).isPositive();
    }
    refused("drop table customers");
    refused("alter table customers add column stolen text");
    refused("truncate vehicles");
    refused("create table planted (id int)");
    refused("update audit_events set action = 'nothing'");
    refused("delete from audit_events");
    refused("select * from flyway_schema_history");
    try (Connection owner = Api.database(); Statement st = owner.createStatement()) {
      var rs = st.executeQuery("select tableowner from pg_tables where tablename = 'customers'");
      rs.next();
      assertThat(rs.getString(1)).isNotEqualTo(Api.property("database.app.role"));
    }
  }
}
