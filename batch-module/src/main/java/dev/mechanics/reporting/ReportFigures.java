package dev.mechanics.reporting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What the publish step reads to compute a report's KPIs: each shop of the organization with the run's sums, the
 * invoices' car count and subtotals, the technicians' hours and the work still open at the period's end. A
 * handful of small aggregate queries, whatever the number of line items.
 */
@ApplicationScoped
public class ReportFigures {

  @Inject
  ReportStore store;

  /** The organization's shops by name, each with its sums (zero when it sold nothing). */
  Map<UUID, ShopReport.Shop> shops(ReportRun run) {
    Map<UUID, ShopReport.Shop> shops = new LinkedHashMap<>();
    store.sql(c -> {
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
                new ArrayList<>(), new LinkedHashMap<>(), new LinkedHashMap<>()));
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
              String name = ReportStore.UNASSIGNED.equals(tech) ? "(no technician)"
                  : rs.getString(3) == null ? tech.toString() : rs.getString(3);
              shop.technicians().add(new ShopReport.Technician(ReportStore.UNASSIGNED.equals(tech) ? null : tech, name,
                  rs.getBigDecimal(4), rs.getBigDecimal(5)));
            }
          }
        }
      }
      // kpi-v2: hours clocked on jobs and attended, each entry clipped to the period (a running one up to now)
      try (PreparedStatement st = c.prepareStatement("""
          select e.shop_id, e.technician_id, coalesce(u.name, e.technician_id::text),
                 coalesce(sum(extract(epoch from least(coalesce(e.ended_at, now()), ?) - greatest(e.started_at, ?)))
                          filter (where e.kind = 'JOB'), 0) / 3600,
                 coalesce(sum(extract(epoch from least(coalesce(e.ended_at, now()), ?) - greatest(e.started_at, ?)))
                          filter (where e.kind = 'SHIFT'), 0) / 3600
          from clock_entries e left join users u on u.id = e.technician_id
          where e.organization_id = ? and e.started_at < ? and (e.ended_at is null or e.ended_at > ?)
          group by 1, 2, 3
          order by lower(coalesce(u.name, e.technician_id::text)), e.technician_id""")) {
        Timestamp from = Timestamp.from(run.from());
        Timestamp to = Timestamp.from(run.to());
        st.setTimestamp(1, to);
        st.setTimestamp(2, from);
        st.setTimestamp(3, to);
        st.setTimestamp(4, from);
        st.setObject(5, run.organizationId());
        st.setTimestamp(6, to);
        st.setTimestamp(7, from);
        try (ResultSet rs = st.executeQuery()) {
          while (rs.next()) {
            ShopReport.Shop shop = shops.get(rs.getObject(1, UUID.class));
            if (shop != null) {
              shop.floor().merge(rs.getObject(2, UUID.class), new ShopReport.Floor(rs.getString(3),
                  rs.getBigDecimal(4), rs.getBigDecimal(5), 0), ShopReport.Floor::plus);
            }
          }
        }
      }
      // kpi-v2: comebacks marked in the period, by the technician of the original work
      try (PreparedStatement st = c.prepareStatement("""
          select c.shop_id, c.original_technician_id, coalesce(u.name, '(no technician)'), count(*)
          from comebacks c left join users u on u.id = c.original_technician_id
          where c.organization_id = ? and c.created_at >= ? and c.created_at < ?
          group by 1, 2, 3""")) {
        st.setObject(1, run.organizationId());
        st.setTimestamp(2, Timestamp.from(run.from()));
        st.setTimestamp(3, Timestamp.from(run.to()));
        try (ResultSet rs = st.executeQuery()) {
          while (rs.next()) {
            ShopReport.Shop shop = shops.get(rs.getObject(1, UUID.class));
            if (shop != null) {
              shop.floor().merge(rs.getObject(2, UUID.class), new ShopReport.Floor(rs.getString(3), BigDecimal.ZERO,
                  BigDecimal.ZERO, rs.getLong(4)), ShopReport.Floor::plus);
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

  /**
   * The figures of another period (the previous one, the same one a year earlier) per shop, straight from the
   * billed lines and invoices with the rules of the chunk step: the same lines, and a part's cost rounded
   * half-even per line ({@code docs/kpis.md}). Shops without sales are absent.
   */
  Map<UUID, ShopReport.Figures> figures(UUID organizationId, Instant from, Instant to) {
    Map<UUID, ShopReport.Figures> out = new LinkedHashMap<>();
    store.sql(c -> {
      try (PreparedStatement st = c.prepareStatement("""
          select i.shop_id, count(*),
                 coalesce(sum(l.amount) filter (where l.type = 'LABOR'), 0),
                 coalesce(sum(l.hours) filter (where l.type = 'LABOR'), 0),
                 coalesce(sum(l.amount) filter (where l.type = 'PART'), 0),
                 coalesce(sum(case when mod(l.unit_cost * l.quantity * 1000, 10) = 5
                                    and mod(trunc(l.unit_cost * l.quantity * 100), 2) = 0
                                   then trunc(l.unit_cost * l.quantity, 2)
                                   else round(l.unit_cost * l.quantity, 2) end)
                          filter (where l.type = 'PART' and l.unit_cost is not null), 0),
                 count(*) filter (where l.type = 'PART' and l.unit_cost is null),
                 coalesce(sum(l.amount) filter (where l.type = 'FEE'), 0),
                 coalesce(sum(l.amount) filter (where l.type = 'DISCOUNT'), 0)
          from work_order_lines l
          join invoices i on i.work_order_id = l.work_order_id
          where l.organization_id = ? and l.approval <> 'DECLINED'
            and i.organization_id = ? and i.issued_at >= ? and i.issued_at < ? and i.status <> 'VOID'
          group by i.shop_id""")) {
        st.setObject(1, organizationId);
        st.setObject(2, organizationId);
        st.setTimestamp(3, Timestamp.from(from));
        st.setTimestamp(4, Timestamp.from(to));
        try (ResultSet rs = st.executeQuery()) {
          while (rs.next()) {
            out.put(rs.getObject(1, UUID.class), new ShopReport.Figures(rs.getLong(2), rs.getBigDecimal(3),
                rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getLong(7), rs.getBigDecimal(8),
                rs.getBigDecimal(9), 0, BigDecimal.ZERO, BigDecimal.ZERO));
          }
        }
      }
      try (PreparedStatement st = c.prepareStatement("""
          select shop_id, count(*), coalesce(sum(subtotal), 0), coalesce(sum(tax_total), 0)
          from invoices
          where organization_id = ? and issued_at >= ? and issued_at < ? and status <> 'VOID'
          group by shop_id""")) {
        st.setObject(1, organizationId);
        st.setTimestamp(2, Timestamp.from(from));
        st.setTimestamp(3, Timestamp.from(to));
        try (ResultSet rs = st.executeQuery()) {
          while (rs.next()) {
            ShopReport.Figures f = out.getOrDefault(rs.getObject(1, UUID.class), ShopReport.Figures.zero());
            out.put(rs.getObject(1, UUID.class), new ShopReport.Figures(f.lines(), f.laborSales(), f.laborHours(),
                f.partsSales(), f.partsCost(), f.partsWithoutCost(), f.feeSales(), f.discounts(), rs.getLong(2),
                rs.getBigDecimal(3), rs.getBigDecimal(4)));
          }
        }
      }
      return null;
    });
    return out;
  }

  /** One point of the trend chart: a day or a month, its sales (the invoices' subtotals) and car count. */
  record TrendPoint(LocalDate start, BigDecimal sales, long cars) {
  }

  /**
   * Sales and car count per local day (or month) of the organization, over {@code points} buckets ending with
   * the one that starts at {@code last}; buckets without invoices are zero.
   */
  List<TrendPoint> trend(UUID organizationId, ZoneId zone, boolean months, LocalDate last, int points) {
    LocalDate first = months ? last.minusMonths(points - 1L) : last.minusDays(points - 1L);
    LocalDate end = months ? last.plusMonths(1) : last.plusDays(1);
    Map<LocalDate, TrendPoint> found = new HashMap<>();
    store.sql(c -> {
      try (PreparedStatement st = c.prepareStatement("""
          select date_trunc(?, issued_at at time zone ?)::date, coalesce(sum(subtotal), 0), count(*)
          from invoices
          where organization_id = ? and issued_at >= ? and issued_at < ? and status <> 'VOID'
          group by 1""")) {
        st.setString(1, months ? "month" : "day");
        st.setString(2, zone.getId());
        st.setObject(3, organizationId);
        st.setTimestamp(4, Timestamp.from(first.atStartOfDay(zone).toInstant()));
        st.setTimestamp(5, Timestamp.from(end.atStartOfDay(zone).toInstant()));
        try (ResultSet rs = st.executeQuery()) {
          while (rs.next()) {
            LocalDate day = rs.getObject(1, LocalDate.class);
            found.put(day, new TrendPoint(day, rs.getBigDecimal(2), rs.getLong(3)));
          }
        }
      }
      return null;
    });
    List<TrendPoint> series = new ArrayList<>();
    for (LocalDate d = first; d.isBefore(end); d = months ? d.plusMonths(1) : d.plusDays(1)) {
      series.add(found.getOrDefault(d, new TrendPoint(d, BigDecimal.ZERO, 0)));
    }
    return series;
  }
}
