package dev.mechanics.reporting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The aggregate step's writes: a chunk of shop-days added to the run's sums (ReportStore's connection). */
@ApplicationScoped
public class ShopDayTotals {

  @Inject
  ReportStore store;

  /**
   * Adds a chunk's shop-days to the run's sums, leaving out those already added (read again after a restart), in
   * four statements whatever the chunk's size: mark the shop-days (only the new marks come back), then add the
   * marked ones to the run's line count, the shops' and the technicians' sums. Returns the shop-days added. Runs
   * on the chunk transaction's connection, so the sums and the marks commit with the checkpoint.
   */
  List<ShopDaySums> add(long instanceId, List<ShopDaySums> chunk) {
    if (chunk.isEmpty()) {
      return List.of();
    }
    return store.sql(c -> {
      Map<ShopDay, ShopDaySums> byDay = new HashMap<>();
      String[] shops = new String[chunk.size()];
      String[] days = new String[chunk.size()];
      Long[] lines = new Long[chunk.size()];
      for (int i = 0; i < chunk.size(); i++) {
        ShopDaySums s = chunk.get(i);
        byDay.put(s.shopDay(), s);
        shops[i] = s.shopDay().shopId().toString();
        days[i] = s.shopDay().day().toString();
        lines[i] = s.shop().lines;
      }
      List<ShopDaySums> added = new ArrayList<>();
      try (PreparedStatement st = c.prepareStatement("insert into report_run_days (instance_id, shop_id, day, lines) "
          + "select ?, d.shop_id::uuid, d.day::date, d.lines from unnest(?::text[], ?::text[], ?::bigint[]) "
          + "as d(shop_id, day, lines) on conflict do nothing returning shop_id, day")) {
        st.setLong(1, instanceId);
        st.setArray(2, c.createArrayOf("text", shops));
        st.setArray(3, c.createArrayOf("text", days));
        st.setArray(4, c.createArrayOf("int8", lines));
        try (ResultSet rs = st.executeQuery()) {
          while (rs.next()) {
            added.add(byDay.get(new ShopDay(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class))));
          }
        }
      }
      Map<UUID, ReportStore.ShopSums> perShop = new HashMap<>();
      Map<List<UUID>, ReportStore.TechnicianSums> perTechnician = new HashMap<>();
      long total = 0;
      for (ShopDaySums s : added) {
        total += s.shop().lines;
        perShop.merge(s.shopDay().shopId(), s.shop(), ShopDayTotals::plus);
        s.technicians().forEach((tech, t) -> perTechnician.merge(List.of(s.shopDay().shopId(), tech), t,
            ShopDayTotals::plus));
      }
      if (total == 0) {
        return added;
      }
      try (PreparedStatement st = c.prepareStatement("update report_runs set lines_counted = lines_counted + ? "
          + "where instance_id = ?")) {
        st.setLong(1, total);
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
        for (Map.Entry<UUID, ReportStore.ShopSums> e : perShop.entrySet()) {
          ReportStore.ShopSums s = e.getValue();
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
      if (!perTechnician.isEmpty()) {
        try (PreparedStatement st = c.prepareStatement("insert into report_technician_hours (instance_id, shop_id, "
            + "technician_id, hours_sold, labor_sales) values (?,?,?,?,?) on conflict (instance_id, shop_id, "
            + "technician_id) do update set hours_sold = report_technician_hours.hours_sold + excluded.hours_sold, "
            + "labor_sales = report_technician_hours.labor_sales + excluded.labor_sales")) {
          for (Map.Entry<List<UUID>, ReportStore.TechnicianSums> e : perTechnician.entrySet()) {
            st.setLong(1, instanceId);
            st.setObject(2, e.getKey().get(0));
            st.setObject(3, e.getKey().get(1));
            st.setBigDecimal(4, e.getValue().hours);
            st.setBigDecimal(5, e.getValue().laborSales);
            st.addBatch();
          }
          st.executeBatch();
        }
      }
      return added;
    });
  }

  private static ReportStore.ShopSums plus(ReportStore.ShopSums a, ReportStore.ShopSums b) {
    ReportStore.ShopSums s = new ReportStore.ShopSums();
    s.lines = a.lines + b.lines;
    s.laborSales = a.laborSales.add(b.laborSales);
    s.laborHours = a.laborHours.add(b.laborHours);
    s.partsSales = a.partsSales.add(b.partsSales);
    s.partsCost = a.partsCost.add(b.partsCost);
    s.partsWithoutCost = a.partsWithoutCost + b.partsWithoutCost;
    s.feeSales = a.feeSales.add(b.feeSales);
    s.discounts = a.discounts.add(b.discounts);
    return s;
  }

  private static ReportStore.TechnicianSums plus(ReportStore.TechnicianSums a, ReportStore.TechnicianSums b) {
    ReportStore.TechnicianSums t = new ReportStore.TechnicianSums();
    t.hours = a.hours.add(b.hours);
    t.laborSales = a.laborSales.add(b.laborSales);
    return t;
  }
}
