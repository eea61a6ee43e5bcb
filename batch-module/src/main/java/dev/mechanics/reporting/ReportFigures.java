package dev.mechanics.reporting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.ArrayList;
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
              String name = ReportStore.UNASSIGNED.equals(tech) ? "(no technician)"
                  : rs.getString(3) == null ? tech.toString() : rs.getString(3);
              shop.technicians().add(new ShopReport.Technician(ReportStore.UNASSIGNED.equals(tech) ? null : tech, name,
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

}
