package dev.mechanics.reporting;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
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

  /**
   * The period's billed line items added up by PostgreSQL in one set-based query, per local day (in the report's
   * zone) and shop, from {@code fromDay} on: lines that were not declined, of work orders whose invoice (not void)
   * was issued in the period. A part's cost is its unit cost x quantity rounded half-even per line, as the
   * invoice's totals do (docs/kpis.md). One item per shop-day with sales, in day then shop order; a handful of
   * rows per shop-day (one per line type and technician), whatever the number of lines.
   */
  List<ShopDaySums> shopDays(ReportRun run, LocalDate fromDay) {
    ZoneId zone = ZoneId.of(run.timeZone());
    Instant from = fromDay.atStartOfDay(zone).toInstant().isAfter(run.from()) ? fromDay.atStartOfDay(zone).toInstant()
        : run.from();
    return sql(c -> {
      // Measured (docs/benchmarks.md): PostgreSQL cannot estimate the local days, so it expects a group per line,
      // sorts a million rows for the grouping (on disk with the default 4 MB) and, the plan looking costly, JIT-
      // compiles it (0.15-0.25 s, a fifth of the whole query). For this transaction only: sort in memory, no JIT.
      try (PreparedStatement st = c.prepareStatement("select set_config('jit', 'off', true), "
          + "set_config('work_mem', '64MB', true)")) {
        st.execute();
      }
      try (PreparedStatement st = c.prepareStatement("""
          select (i.issued_at at time zone ?)::date, i.shop_id, l.type, l.technician_id, count(*),
                 coalesce(sum(l.amount), 0), coalesce(sum(l.hours), 0),
                 coalesce(sum(case when mod(l.unit_cost * l.quantity * 1000, 10) = 5
                                    and mod(trunc(l.unit_cost * l.quantity * 100), 2) = 0
                                   then trunc(l.unit_cost * l.quantity, 2)
                                   else round(l.unit_cost * l.quantity, 2) end)
                          filter (where l.type = 'PART' and l.unit_cost is not null), 0),
                 count(*) filter (where l.type = 'PART' and l.unit_cost is null)
          from work_order_lines l
          join invoices i on i.work_order_id = l.work_order_id
          where l.organization_id = ? and l.approval <> 'DECLINED'
            and i.organization_id = ? and i.issued_at >= ? and i.issued_at < ? and i.status <> 'VOID'
          group by 1, 2, 3, 4
          order by 1, 2""")) {
        st.setString(1, zone.getId());
        st.setObject(2, run.organizationId());
        st.setObject(3, run.organizationId());
        st.setTimestamp(4, Timestamp.from(from));
        st.setTimestamp(5, Timestamp.from(run.to()));
        List<ShopDaySums> out = new ArrayList<>();
        ShopDaySums current = null;
        try (ResultSet rs = st.executeQuery()) {
          while (rs.next()) {
            LocalDate day = rs.getObject(1, LocalDate.class);
            UUID shop = rs.getObject(2, UUID.class);
            if (current == null || !current.shopDay().day().equals(day) || !current.shopDay().shopId().equals(shop)) {
              current = new ShopDaySums(new ShopDay(shop, day), new ShopSums(), new HashMap<>());
              out.add(current);
            }
            add(current, rs.getString(3), rs.getObject(4, UUID.class), rs.getLong(5), rs.getBigDecimal(6),
                rs.getBigDecimal(7), rs.getBigDecimal(8), rs.getLong(9));
          }
        }
        return out;
      }
    });
  }

  private static void add(ShopDaySums into, String type, UUID technician, long lines, BigDecimal amount,
                          BigDecimal hours, BigDecimal partsCost, long partsWithoutCost) {
    ShopSums s = into.shop();
    s.lines += lines;
    switch (type) {
      case "LABOR" -> {
        s.laborSales = s.laborSales.add(amount);
        s.laborHours = s.laborHours.add(hours);
        TechnicianSums t = into.technicians().computeIfAbsent(technician == null ? UNASSIGNED : technician,
            k -> new TechnicianSums());
        t.hours = t.hours.add(hours);
        t.laborSales = t.laborSales.add(amount);
      }
      case "PART" -> {
        s.partsSales = s.partsSales.add(amount);
        s.partsCost = s.partsCost.add(partsCost);
        s.partsWithoutCost += partsWithoutCost;
      }
      case "FEE" -> s.feeSales = s.feeSales.add(amount);
      case "DISCOUNT" -> s.discounts = s.discounts.add(amount);
      default -> throw new IllegalStateException("unknown line type " + type);
    }
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
