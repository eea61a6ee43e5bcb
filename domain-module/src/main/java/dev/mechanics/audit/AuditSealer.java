package dev.mechanics.audit;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Links committed audit rows into their organization's hash chain (ADR 0050). The work is the database function
 * {@code audit_seal} (V117): one organization at a time under its own advisory lock, which writers never take, so
 * any number of instances and on-demand sealers may run; each organization's rows are sealed by one of them.
 */
@ApplicationScoped
public class AuditSealer {

  /** Rows sealed per call: bounds one transaction; a longer tail takes more calls. */
  static final int BATCH = 5000;

  @Resource(lookup = "jdbc/mechanics")
  DataSource dataSource;

  public AuditSealer() {
  }

  public AuditSealer(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Seals everything of one organization committed so far, in the caller's transaction (before it reads the
   * chain); waits for a sealer already on this organization rather than skipping it.
   */
  public void sealNow(EntityManager em, UUID organizationId) {
    int sealed;
    do {
      sealed = ((Number) em.createNativeQuery("select audit_seal(?1, ?2, true)")
          .setParameter(1, organizationId).setParameter(2, BATCH).getSingleResult()).intValue();
    } while (sealed == BATCH);
  }

  /**
   * One round of the background sealer: every organization with an unsealed tail, each in its own short
   * transaction; an organization another sealer holds is left to it. Returns the rows sealed.
   */
  public int sealCommitted() throws SQLException {
    int total = 0;
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(true);
      List<UUID> organizations = new ArrayList<>();
      try (PreparedStatement st = c.prepareStatement(
          "select distinct organization_id from audit_events where seq is null limit 1000");
           ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          organizations.add(rs.getObject(1, UUID.class));
        }
      }
      try (PreparedStatement st = c.prepareStatement("select audit_seal(?, ?, false)")) {
        for (UUID organization : organizations) {
          st.setObject(1, organization);
          st.setInt(2, BATCH);
          try (ResultSet rs = st.executeQuery()) {
            rs.next();
            total += Math.max(0, rs.getInt(1));
          }
        }
      }
    }
    return total;
  }
}
