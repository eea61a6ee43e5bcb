package dev.mechanics.timeclock;

import dev.mechanics.platform.Id;
import dev.mechanics.tenancy.Shop;
import dev.mechanics.tenancy.Shops;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Hours sold, clocked and attended per technician of a shop for a period of local days (docs/kpis.md, kpi-v2):
 * sold = hours of billed labor lines of invoices issued in the period; clocked = JOB entries, attended = SHIFT
 * entries, each clipped to the period (a running entry counts up to now).
 */
@ApplicationScoped
@Transactional
public class TechnicianTime {

  /** The shop's figures and each technician's ({@code null} key: labor lines without a technician). */
  public record Figures(Instant from, Instant to, TimeRatios shop, Map<UUID, TimeRatios> technicians) {
  }

  /** Sold hours per technician: the report's billed LABOR lines (approval not DECLINED, invoice not VOID). */
  public static final String SOLD = "select l.technician_id, sum(l.hours) from work_order_lines l "
      + "join work_orders w on w.id = l.work_order_id join invoices i on i.work_order_id = w.id "
      + "where i.organization_id = ?1 and w.shop_id = ?2 and i.issued_at >= cast(?3 as timestamptz) "
      + "and i.issued_at < cast(?4 as timestamptz) "
      + "and i.status <> 'VOID' and l.type = 'LABOR' and l.approval <> 'DECLINED' and l.hours is not null "
      + "group by l.technician_id";

  /** Clocked (JOB) and attended (SHIFT) seconds per technician, clipped to the period. */
  public static final String CLOCKED = "select e.technician_id, e.kind, sum(extract(epoch from "
      + "least(coalesce(e.ended_at, now()), cast(?4 as timestamptz)) "
      + "- greatest(e.started_at, cast(?3 as timestamptz)))) from clock_entries e "
      + "where e.organization_id = ?1 and e.shop_id = ?2 and e.started_at < cast(?4 as timestamptz) "
      + "and (e.ended_at is null or e.ended_at > cast(?3 as timestamptz)) group by e.technician_id, e.kind";

  @PersistenceContext(unitName = "mechanics")
  EntityManager em;

  @Inject
  Shops shops;

  public Figures of(Id<Shop> shopId, LocalDate from, LocalDate to) {
    Shop shop = shops.require(shopId.value());
    ZoneId zone = ZoneId.of(shop.getTimeZone());
    Instant start = from.atStartOfDay(zone).toInstant();
    Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
    Map<UUID, BigDecimal[]> hours = new TreeMap<>(java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()));
    for (Object[] row : rows(SOLD, shop, start, end)) {
      hours.computeIfAbsent((UUID) row[0], t -> zeros())[0] = (BigDecimal) row[1];
    }
    for (Object[] row : rows(CLOCKED, shop, start, end)) {
      BigDecimal seconds = new BigDecimal(row[2].toString());
      hours.computeIfAbsent((UUID) row[0], t -> zeros())["JOB".equals(row[1]) ? 1 : 2] =
          seconds.divide(BigDecimal.valueOf(3600), 6, RoundingMode.HALF_EVEN);
    }
    Map<UUID, TimeRatios> technicians = new TreeMap<>(java.util.Comparator.nullsFirst(
        java.util.Comparator.naturalOrder()));
    TimeRatios total = TimeRatios.ZERO;
    for (Map.Entry<UUID, BigDecimal[]> e : hours.entrySet()) {
      TimeRatios t = new TimeRatios(e.getValue()[0], e.getValue()[1], e.getValue()[2]);
      technicians.put(e.getKey(), t);
      total = total.plus(t);
    }
    return new Figures(start, end, total, technicians);
  }

  @SuppressWarnings("unchecked")
  private List<Object[]> rows(String sql, Shop shop, Instant from, Instant to) {
    return em.createNativeQuery(sql).setParameter(1, shop.getOrganizationId()).setParameter(2, shop.getId())
        .setParameter(3, from.atOffset(java.time.ZoneOffset.UTC))
        .setParameter(4, to.atOffset(java.time.ZoneOffset.UTC)).getResultList();
  }

  private static BigDecimal[] zeros() {
    return new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
  }
}
