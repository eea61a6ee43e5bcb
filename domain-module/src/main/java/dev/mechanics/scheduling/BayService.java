package dev.mechanics.scheduling;

import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.Id;
import dev.mechanics.platform.Tenancy;
import dev.mechanics.tenancy.Caller;
import dev.mechanics.tenancy.Capability;
import dev.mechanics.tenancy.Shop;
import dev.mechanics.tenancy.Shops;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/** A shop's floor: its bays, opening hours and closed days (changes: owners and managers of that shop). */
@ApplicationScoped
@Transactional
public class BayService {

  /** The week of a shop that has not set its hours: Monday to Friday, 08:00 to 18:00. */
  static final Map<DayOfWeek, ShopCalendar.Hours> DEFAULT_WEEK = defaultWeek();

  /** A shop's hours as stored: the week and the closed days from today on; {@code fingerprint} is the ETag. */
  public record Hours(Id<Shop> shop, String timeZone, Map<DayOfWeek, ShopCalendar.Hours> week,
                      List<LocalDate> closedDays, boolean defaulted) {
    public long fingerprint() {
      return Objects.hash(new java.util.TreeMap<>(week).toString(), closedDays.toString(), defaulted) & 0xffffffffL;
    }
  }

  @Inject
  Bays bays;

  @Inject
  ShopCalendars calendars;

  @Inject
  Shops shops;

  public List<Bay> bays(Id<Shop> shop) {
    shops.require(shop.value());
    return bays.of(shop.value());
  }

  public Bay addBay(Caller caller, Id<Shop> shopId, String name, Bay.Kind kind) {
    shops.require(shopId.value());
    caller.requireIn(Capability.CONFIGURE_SHOP, shopId.value(), "set up this shop's bays");
    if (bays.nameTaken(shopId.value(), name, null)) {
      throw DomainException.InvalidInput.field("name", "this shop already has a bay with this name");
    }
    Bay bay = new Bay(Tenancy.current(), shopId.value(), name, kind);
    bays.add(bay);
    return bay;
  }

  public Hours hours(Id<Shop> shopId) {
    Shop shop = shops.require(shopId.value());
    ZoneId zone = ZoneId.of(shop.getTimeZone());
    List<OpeningHours> rows = calendars.hoursOf(shop.getId());
    Map<DayOfWeek, ShopCalendar.Hours> week = new EnumMap<>(DayOfWeek.class);
    rows.forEach(h -> week.put(h.getDay(), new ShopCalendar.Hours(h.getOpens(), h.getCloses())));
    List<LocalDate> closed = calendars.closedDaysOf(shop.getId(), LocalDate.now(zone).minusDays(1)).stream()
        .map(ClosedDay::getDay).toList();
    return rows.isEmpty() ? new Hours(shopId, shop.getTimeZone(), DEFAULT_WEEK, closed, true)
        : new Hours(shopId, shop.getTimeZone(), week, closed, false);
  }

  /**
   * The calendar the free-slot search and bookings use for the local days {@code from} to {@code to}: two reads
   * (the week, the closed days of those days only), the shop itself from the persistence context.
   */
  public ShopCalendar calendar(Id<Shop> shopId, LocalDate from, LocalDate to) {
    Shop shop = shops.require(shopId.value());
    Map<DayOfWeek, ShopCalendar.Hours> week = new EnumMap<>(DayOfWeek.class);
    calendars.hoursOf(shop.getId()).forEach(h -> week.put(h.getDay(), new ShopCalendar.Hours(h.getOpens(),
        h.getCloses())));
    return new ShopCalendar(ZoneId.of(shop.getTimeZone()), week.isEmpty() ? DEFAULT_WEEK : week,
        new TreeSet<>(calendars.closedDaysIn(shop.getId(), from, to)));
  }

  /** Replaces the week and the closed days from yesterday on ({@code expected}: the fingerprint read). */
  public Hours changeHours(Caller caller, Id<Shop> shopId, long expected, Map<DayOfWeek, ShopCalendar.Hours> week,
                           List<LocalDate> closedDays) {
    Shop shop = shops.require(shopId.value());
    caller.requireIn(Capability.CONFIGURE_SHOP, shopId.value(), "change this shop's opening hours");
    calendars.lock(shop.getId());
    Hours current = hours(shopId);
    if (expected != dev.mechanics.platform.TenantOwnedEntity.ANY_VERSION && current.fingerprint() != expected) {
      throw new DomainException.StaleVersion("opening hours", expected, current.fingerprint());
    }
    List<String> problems = new ArrayList<>();
    week.forEach((day, h) -> {
      if (!h.opens().isBefore(h.closes())) {
        problems.add(day.name());
      }
    });
    if (!problems.isEmpty()) {
      throw DomainException.InvalidInput.field("week", "opens must be before closes on " + problems);
    }
    LocalDate from = LocalDate.now(ZoneId.of(shop.getTimeZone())).minusDays(1);
    calendars.replace(shop.getId(),
        week.entrySet().stream().map(e -> new OpeningHours(Tenancy.current(), shop.getId(), e.getKey(),
            e.getValue().opens(), e.getValue().closes())).toList(),
        from, closedDays.stream().filter(d -> !d.isBefore(from)).distinct()
            .map(d -> new ClosedDay(Tenancy.current(), shop.getId(), d, null)).toList());
    return hours(shopId);
  }

  private static Map<DayOfWeek, ShopCalendar.Hours> defaultWeek() {
    Map<DayOfWeek, ShopCalendar.Hours> week = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
        DayOfWeek.FRIDAY)) {
      week.put(day, new ShopCalendar.Hours(LocalTime.of(8, 0), LocalTime.of(18, 0)));
    }
    return java.util.Collections.unmodifiableMap(week);
  }
}
