package dev.mechanics.reporting;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The report's SQL, with JDBC: every statement names the run's organization, so a report only ever reads its
 * own organization's rows (the job runs outside any request, with no Hibernate tenant). Inside the chunk step
 * the connection takes part in the chunk's transaction, so the sums commit together with the checkpoint.
 */
@ApplicationScoped
public class ReportStore {

  /** The technician of labor lines that name none. */
  static final UUID UNASSIGNED = new UUID(0, 0);

  @Resource(lookup = "jdbc/mechanics")
  DataSource dataSource;

  interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  <T> T sql(Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw new IllegalStateException("report store failed: " + e.getMessage(), e);
    }
  }

  String organizationZone(UUID organizationId) {
    return sql(c -> {
      try (PreparedStatement st = c.prepareStatement("select time_zone from organizations where id = ?")) {
        st.setObject(1, organizationId);
        try (ResultSet rs = st.executeQuery()) {
          if (!rs.next()) {
            throw new IllegalArgumentException("no organization " + organizationId);
          }
          return rs.getString(1);
        }
      }
    });
  }

  /** Fixes what the run covers; a second call for the same instance (a restarted prepare) changes nothing. */
  void createRun(long instanceId, UUID organizationId, String jobName, ReportRequest request) {
    sql(c -> {
      try (PreparedStatement st = c.prepareStatement("insert into report_runs (instance_id, organization_id, "
          + "job_name, period, period_start, period_end, time_zone, from_at, to_at, kpi_version, recipients) "
          + "values (?,?,?,?,?,?,?,?,?,?,?) on conflict (instance_id) do nothing")) {
        st.setLong(1, instanceId);
        st.setObject(2, organizationId);
        st.setString(3, jobName);
        st.setString(4, request.period().name());
        st.setObject(5, request.start());
        st.setObject(6, request.endExclusive());
        st.setString(7, request.zone().getId());
        st.setTimestamp(8, Timestamp.from(request.from()));
        st.setTimestamp(9, Timestamp.from(request.to()));
        st.setString(10, Kpis.VERSION);
        st.setString(11, String.join(",", request.recipients()));
        return st.executeUpdate();
      }
    });
  }

  Optional<ReportRun> run(long instanceId) {
    return sql(c -> {
      try (PreparedStatement st = c.prepareStatement("select instance_id, organization_id, period, period_start, "
          + "period_end, time_zone, from_at, to_at, kpi_version, recipients, last_line_id, lines_counted "
          + "from report_runs where instance_id = ?")) {
        st.setLong(1, instanceId);
        try (ResultSet rs = st.executeQuery()) {
          if (!rs.next()) {
            return Optional.empty();
          }
          String recipients = rs.getString(10);
          return Optional.of(new ReportRun(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3),
              rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class),
              rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getTimestamp(8).toInstant(), rs.getString(9),
              recipients.isBlank() ? List.of() : Arrays.asList(recipients.split(",")),
              rs.getObject(11, UUID.class), rs.getLong(12)));
        }
      }
    });
  }

  /** The organization's shops, in id order (the aggregate step's order). */
  List<UUID> shopIds(UUID organizationId) {
    return sql(c -> {
      try (PreparedStatement st = c.prepareStatement("select id from shops where organization_id = ? order by id")) {
        st.setObject(1, organizationId);
        List<UUID> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
          while (rs.next()) {
            out.add(rs.getObject(1, UUID.class));
          }
        }
        return out;
      }
    });
  }

  /**
   * One shop-day's billed line items added up in one set-based query: lines that were not declined, of work
   * orders whose invoice (not void) the shop issued in [from, to). A part's cost is its unit cost x quantity
   * rounded half-even per line, as the invoice's totals do (docs/kpis.md); one row per line type and
   * technician, so a handful of rows whatever the number of lines.
   */
  ShopDaySums aggregate(UUID organizationId, ShopDay shopDay) {
    return sql(c -> {
      try (PreparedStatement st = c.prepareStatement("""
          select l.type, l.technician_id, count(*), coalesce(sum(l.amount), 0), coalesce(sum(l.hours), 0),
                 coalesce(sum(case when mod(l.unit_cost * l.quantity * 1000, 10) = 5
                                    and mod(trunc(l.unit_cost * l.quantity * 100), 2) = 0
                                   then trunc(l.unit_cost * l.quantity, 2)
                                   else round(l.unit_cost * l.quantity, 2) end)
                          filter (where l.type = 'PART' and l.unit_cost is not null), 0),
                 count(*) filter (where l.type = 'PART' and l.unit_cost is null)
          from invoices i
          join work_order_lines l on l.work_order_id = i.work_order_id
          where i.organization_id = ? and i.shop_id = ? and i.issued_at >= ? and i.issued_at < ?
            and i.status <> 'VOID' and l.organization_id = ? and l.approval <> 'DECLINED'
          group by l.type, l.technician_id""")) {
        st.setObject(1, organizationId);
        st.setObject(2, shopDay.shopId());
        st.setTimestamp(3, Timestamp.from(shopDay.from()));
        st.setTimestamp(4, Timestamp.from(shopDay.to()));
        st.setObject(5, organizationId);
        ShopSums s = new ShopSums();
        Map<UUID, TechnicianSums> technicians = new HashMap<>();
        try (ResultSet rs = st.executeQuery()) {
          while (rs.next()) {
            String type = rs.getString(1);
            long lines = rs.getLong(3);
            BigDecimal amount = rs.getBigDecimal(4);
            s.lines += lines;
            switch (type) {
              case "LABOR" -> {
                s.laborSales = s.laborSales.add(amount);
                s.laborHours = s.laborHours.add(rs.getBigDecimal(5));
                UUID technician = rs.getObject(2, UUID.class);
                TechnicianSums t = technicians.computeIfAbsent(technician == null ? UNASSIGNED : technician,
                    k -> new TechnicianSums());
                t.hours = t.hours.add(rs.getBigDecimal(5));
                t.laborSales = t.laborSales.add(amount);
              }
              case "PART" -> {
                s.partsSales = s.partsSales.add(amount);
                s.partsCost = s.partsCost.add(rs.getBigDecimal(6));
                s.partsWithoutCost += rs.getLong(7);
              }
              case "FEE" -> s.feeSales = s.feeSales.add(amount);
              case "DISCOUNT" -> s.discounts = s.discounts.add(amount);
              default -> throw new IllegalStateException("unknown line type " + type);
            }
          }
        }
        return new ShopDaySums(shopDay, s, technicians);
      }
    });
  }

  /** Sums of one shop-day. */
  static final class ShopSums {
    long lines;
    BigDecimal laborSales = BigDecimal.ZERO;
    BigDecimal laborHours = BigDecimal.ZERO;
    BigDecimal partsSales = BigDecimal.ZERO;
    BigDecimal partsCost = BigDecimal.ZERO;
    long partsWithoutCost;
    BigDecimal feeSales = BigDecimal.ZERO;
    BigDecimal discounts = BigDecimal.ZERO;
  }

  static final class TechnicianSums {
    BigDecimal hours = BigDecimal.ZERO;
    BigDecimal laborSales = BigDecimal.ZERO;
  }

  /**
   * Adds one shop-day's sums unless that shop-day was already added to the run (read again after a restart):
   * then nothing changes. Returns whether it was added. Runs on the chunk transaction's connection, so the sums
   * and the shop-day's mark commit with the checkpoint.
   */
  boolean add(long instanceId, ShopDaySums sums) {
    ShopDay day = sums.shopDay();
    ShopSums s = sums.shop();
    return sql(c -> {
      try (PreparedStatement st = c.prepareStatement("insert into report_run_days (instance_id, shop_id, day, lines) "
          + "values (?,?,?,?) on conflict do nothing")) {
        st.setLong(1, instanceId);
        st.setObject(2, day.shopId());
        st.setObject(3, day.day());
        st.setLong(4, s.lines);
        if (st.executeUpdate() == 0) {
          return false;
        }
      }
      if (s.lines == 0) {
        return true;
      }
      try (PreparedStatement st = c.prepareStatement("update report_runs set lines_counted = lines_counted + ? "
          + "where instance_id = ?")) {
        st.setLong(1, s.lines);
        st.setLong(2, instanceId);
        st.executeUpdate();
      }
      try (PreparedStatement st = c.prepareStatement("insert into report_shop_totals (instance_id, shop_id, lines, "
          + "labor_sales, labor_hours, parts_sales, parts_cost, parts_without_cost, fee_sales, discounts) "
          + "values (?,?,?,?,?,?,?,?,?,?) on conflict (instance_id, shop_id) do update set "
          + "lines = report_shop_totals.lines + excluded.lines, "
          + "labor_sales = report_shop_totals.labor_sales + excluded.labor_sales, "
          + "labor_hours = report_shop_totals.labor_hours + excluded.labor_hours, "
          + "parts_sales = report_shop_totals.parts_sales + excluded.parts_sales, "
          + "parts_cost = report_shop_totals.parts_cost + excluded.parts_cost, "
          + "parts_without_cost = report_shop_totals.parts_without_cost + excluded.parts_without_cost, "
          + "fee_sales = report_shop_totals.fee_sales + excluded.fee_sales, "
          + "discounts = report_shop_totals.discounts + excluded.discounts")) {
        st.setLong(1, instanceId);
        st.setObject(2, day.shopId());
        st.setLong(3, s.lines);
        st.setBigDecimal(4, s.laborSales);
        st.setBigDecimal(5, s.laborHours);
        st.setBigDecimal(6, s.partsSales);
        st.setBigDecimal(7, s.partsCost);
        st.setLong(8, s.partsWithoutCost);
        st.setBigDecimal(9, s.feeSales);
        st.setBigDecimal(10, s.discounts);
        st.executeUpdate();
      }
      if (!sums.technicians().isEmpty()) {
        try (PreparedStatement st = c.prepareStatement("insert into report_technician_hours (instance_id, shop_id, "
            + "technician_id, hours_sold, labor_sales) values (?,?,?,?,?) on conflict (instance_id, shop_id, "
            + "technician_id) do update set hours_sold = report_technician_hours.hours_sold + excluded.hours_sold, "
            + "labor_sales = report_technician_hours.labor_sales + excluded.labor_sales")) {
          for (Map.Entry<UUID, TechnicianSums> e : sums.technicians().entrySet()) {
            st.setLong(1, instanceId);
            st.setObject(2, day.shopId());
            st.setObject(3, e.getKey());
            st.setBigDecimal(4, e.getValue().hours);
            st.setBigDecimal(5, e.getValue().laborSales);
            st.addBatch();
          }
          st.executeBatch();
        }
      }
      return true;
    });
  }

  String organizationName(UUID organizationId) {
    return sql(c -> {
      try (PreparedStatement st = c.prepareStatement("select name from organizations where id = ?")) {
        st.setObject(1, organizationId);
        try (ResultSet rs = st.executeQuery()) {
          return rs.next() ? rs.getString(1) : organizationId.toString();
        }
      }
    });
  }
}
