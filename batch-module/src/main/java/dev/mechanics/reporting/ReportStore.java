package dev.mechanics.reporting;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
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
              rs.getObject(4, java.time.LocalDate.class), rs.getObject(5, java.time.LocalDate.class),
              rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getTimestamp(8).toInstant(), rs.getString(9),
              recipients.isBlank() ? List.of() : Arrays.asList(recipients.split(",")),
              rs.getObject(11, UUID.class), rs.getLong(12)));
        }
      }
    });
  }

  /**
   * The next page of the period's billed line items after {@code afterId}, in id order: lines that were not
   * declined, of work orders whose invoice (not void) was issued in [from, to).
   */
  List<ReportLine> lines(ReportRun run, UUID afterId, int limit) {
    return sql(c -> {
      try (PreparedStatement st = c.prepareStatement("""
          select l.id, i.shop_id, l.type, l.hours, l.amount, l.quantity, l.unit_cost, l.technician_id
          from work_order_lines l
          join invoices i on i.work_order_id = l.work_order_id
          where l.organization_id = ? and l.id > ? and l.approval <> 'DECLINED'
            and i.organization_id = ? and i.issued_at >= ? and i.issued_at < ? and i.status <> 'VOID'
          order by l.id
          limit ?""")) {
        st.setObject(1, run.organizationId());
        st.setObject(2, afterId);
        st.setObject(3, run.organizationId());
        st.setTimestamp(4, Timestamp.from(run.from()));
        st.setTimestamp(5, Timestamp.from(run.to()));
        st.setInt(6, limit);
        List<ReportLine> out = new ArrayList<>(limit);
        try (ResultSet rs = st.executeQuery()) {
          while (rs.next()) {
            out.add(new ReportLine(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7),
                rs.getObject(8, UUID.class), null));
          }
        }
        return out;
      }
    });
  }

  /** Sums of one chunk, per shop. */
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

  record TechnicianKey(UUID shopId, UUID technicianId) {
  }

  static final class TechnicianSums {
    BigDecimal hours = BigDecimal.ZERO;
    BigDecimal laborSales = BigDecimal.ZERO;
  }

  /**
   * Adds one chunk's sums, unless a chunk at or below {@code firstId} was already added (the chunk is being
   * read again after a restart whose checkpoint is older than the sums): then nothing changes. Returns whether
   * the chunk was added. Runs on the chunk transaction's connection.
   */
  boolean add(long instanceId, UUID firstId, UUID lastId, long count, Map<UUID, ShopSums> shops,
              Map<TechnicianKey, TechnicianSums> technicians) {
    return sql(c -> {
      try (PreparedStatement st = c.prepareStatement("update report_runs set last_line_id = ?, "
          + "lines_counted = lines_counted + ? where instance_id = ? and (last_line_id is null or last_line_id < ?)")) {
        st.setObject(1, lastId);
        st.setLong(2, count);
        st.setLong(3, instanceId);
        st.setObject(4, firstId);
        if (st.executeUpdate() == 0) {
          return false;
        }
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
        for (Map.Entry<UUID, ShopSums> e : shops.entrySet()) {
          ShopSums s = e.getValue();
          st.setLong(1, instanceId);
          st.setObject(2, e.getKey());
          st.setLong(3, s.lines);
          st.setBigDecimal(4, s.laborSales);
          st.setBigDecimal(5, s.laborHours);
          st.setBigDecimal(6, s.partsSales);
          st.setBigDecimal(7, s.partsCost);
          st.setLong(8, s.partsWithoutCost);
          st.setBigDecimal(9, s.feeSales);
          st.setBigDecimal(10, s.discounts);
          st.addBatch();
        }
        st.executeBatch();
      }
      if (!technicians.isEmpty()) {
        try (PreparedStatement st = c.prepareStatement("insert into report_technician_hours (instance_id, shop_id, "
            + "technician_id, hours_sold, labor_sales) values (?,?,?,?,?) on conflict (instance_id, shop_id, "
            + "technician_id) do update set hours_sold = report_technician_hours.hours_sold + excluded.hours_sold, "
            + "labor_sales = report_technician_hours.labor_sales + excluded.labor_sales")) {
          for (Map.Entry<TechnicianKey, TechnicianSums> e : technicians.entrySet()) {
            st.setLong(1, instanceId);
            st.setObject(2, e.getKey().shopId());
            st.setObject(3, e.getKey().technicianId());
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

  /** The organization's shops by name, each with its sums (zero when it sold nothing). */
  Map<UUID, ShopReport.Shop> shops(ReportRun run) {
    Map<UUID, ShopReport.Shop> shops = new LinkedHashMap<>();
    sql(c -> {
      try (PreparedStatement st = c.prepareStatement("""
          select s.id, s.name, coalesce(t.lines, 0), coalesce(t.labor_sales, 0), coalesce(t.labor_hours, 0),
                 coalesce(t.parts_sales, 0), coalesce(t.parts_cost, 0), coalesce(t.parts_without_cost, 0),
                 coalesce(t.fee_sales, 0), coalesce(t.discounts, 0)
          from shops s left join report_shop_totals t on t.shop_id = s.id and t.instance_id = ?
          where s.organization_id = ?
          order by lower(s.name), s.id""")) {
        st.setLong(1, run.instanceId());
        st.setObject(2, run.organizationId());
        try (ResultSet rs = st.executeQuery()) {
          while (rs.next()) {
            UUID id = rs.getObject(1, UUID.class);
            shops.put(id, new ShopReport.Shop(id, rs.getString(2), new ShopReport.Figures(rs.getLong(3),
                rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getLong(8),
                rs.getBigDecimal(9), rs.getBigDecimal(10), 0, BigDecimal.ZERO, BigDecimal.ZERO),
                new ArrayList<>(), new LinkedHashMap<>()));
          }
        }
      }
      // car count and the invoices' own subtotals (the reconciliation of the line sums)
      try (PreparedStatement st = c.prepareStatement("""
          select shop_id, count(*), coalesce(sum(subtotal), 0), coalesce(sum(tax_total), 0)
          from invoices
          where organization_id = ? and issued_at >= ? and issued_at < ? and status <> 'VOID'
          group by shop_id""")) {
        st.setObject(1, run.organizationId());
        st.setTimestamp(2, Timestamp.from(run.from()));
        st.setTimestamp(3, Timestamp.from(run.to()));
        try (ResultSet rs = st.executeQuery()) {
          while (rs.next()) {
            ShopReport.Shop shop = shops.get(rs.getObject(1, UUID.class));
            if (shop != null) {
              shops.put(shop.id(), shop.withInvoices(rs.getLong(2), rs.getBigDecimal(3), rs.getBigDecimal(4)));
            }
          }
        }
      }
      try (PreparedStatement st = c.prepareStatement("""
          select h.shop_id, h.technician_id, u.name, h.hours_sold, h.labor_sales
          from report_technician_hours h
          left join users u on u.id = h.technician_id and u.organization_id = ?
          where h.instance_id = ?
          order by lower(coalesce(u.name, '~')), h.technician_id""")) {
        st.setObject(1, run.organizationId());
        st.setLong(2, run.instanceId());
        try (ResultSet rs = st.executeQuery()) {
          while (rs.next()) {
            ShopReport.Shop shop = shops.get(rs.getObject(1, UUID.class));
            if (shop != null) {
              UUID tech = rs.getObject(2, UUID.class);
              String name = UNASSIGNED.equals(tech) ? "(no technician)" : rs.getString(3) == null ? tech.toString()
                  : rs.getString(3);
              shop.technicians().add(new ShopReport.Technician(UNASSIGNED.equals(tech) ? null : tech, name,
                  rs.getBigDecimal(4), rs.getBigDecimal(5)));
            }
          }
        }
      }
      // open at the end of the period: created before it and not invoiced before it; the board status it was
      // in then (the last status change before the end)
      try (PreparedStatement st = c.prepareStatement("""
          select w.shop_id, coalesce(s.to_status, w.status) as status, count(*)
          from work_orders w
          left join lateral (select c.to_status from work_order_status_changes c
                             where c.work_order_id = w.id and c.changed_at < ?
                             order by c.changed_at desc, c.id desc limit 1) s on true
          where w.organization_id = ? and w.created_at < ?
            and not exists (select 1 from invoices i where i.work_order_id = w.id and i.issued_at < ?)
          group by 1, 2
          order by 2""")) {
        Timestamp to = Timestamp.from(run.to());
        st.setTimestamp(1, to);
        st.setObject(2, run.organizationId());
        st.setTimestamp(3, to);
        st.setTimestamp(4, to);
        try (ResultSet rs = st.executeQuery()) {
          while (rs.next()) {
            ShopReport.Shop shop = shops.get(rs.getObject(1, UUID.class));
            if (shop != null) {
              shop.openByStatus().merge(rs.getString(2), rs.getLong(3), Long::sum);
            }
          }
        }
      }
      return null;
    });
    return shops;
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
