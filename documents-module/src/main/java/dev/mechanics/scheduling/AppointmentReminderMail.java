package dev.mechanics.scheduling;

import dev.mechanics.customer.Customer;
import dev.mechanics.customer.Customers;
import dev.mechanics.customer.Vehicle;
import dev.mechanics.customer.Vehicles;
import dev.mechanics.platform.PageRequest;
import dev.mechanics.platform.mail.MailSender;
import dev.mechanics.tenancy.Letterhead;
import dev.mechanics.tenancy.Letterheads;
import dev.mechanics.tenancy.Shop;
import dev.mechanics.tenancy.Shops;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The reminder of the day before ({@code mail/reminder.*}): each booked appointment of tomorrow, in its shop's
 * time zone, mailed once to its customer in their language from the shop's letterhead. It carries no link and
 * no token. Reading and marking are transactions of the caller's organization (the job binds it); the sending
 * happens between them, as every other mail of the application is sent: after the read committed.
 */
@ApplicationScoped
@Transactional
public class AppointmentReminderMail {

  @Inject
  Shops shops;

  @Inject
  Appointments appointments;

  @Inject
  Customers customers;

  @Inject
  Vehicles vehicles;

  @Inject
  Letterheads letterheads;

  /** The booked, not yet reminded appointments of the next local day of each shop, as seen at {@code now}. */
  public List<UUID> due(Instant now) {
    List<UUID> due = new ArrayList<>();
    UUID after = null;
    while (true) {
      List<Shop> page = shops.list(new PageRequest(after, PageRequest.MAX_LIMIT));
      for (Shop shop : page) {
        ZoneId zone = ZoneId.of(shop.getTimeZone());
        LocalDate tomorrow = LocalDate.ofInstant(now, zone).plusDays(1);
        appointments.toRemind(shop.getId(), tomorrow.atStartOfDay(zone).toInstant(),
            tomorrow.plusDays(1).atStartOfDay(zone).toInstant()).forEach(a -> due.add(a.getId()));
      }
      if (page.size() < PageRequest.MAX_LIMIT) {
        return due;
      }
      after = page.get(page.size() - 1).getId();
    }
  }

  /** The reminder, or empty when it is no longer due (moved, checked in, cancelled) or nobody has an address. */
  public Optional<MailSender.Message> compose(UUID appointmentId) {
    Appointment a = appointments.find(appointmentId).orElse(null);
    if (a == null || a.getStatus() != Appointment.Status.BOOKED || a.getRemindedAt() != null) {
      return Optional.empty();
    }
    Customer customer = customers.find(a.getCustomerId()).orElse(null);
    if (customer == null || customer.getEmail() == null || customer.getEmail().isBlank()) {
      return Optional.empty();
    }
    Shop shop = shops.require(a.getShopId());
    Letterhead h = letterheads.of(shop, null, customer.getPreferredLanguage(), false);
    ZoneId zone = ZoneId.of(shop.getTimeZone());
    String day = h.formats().longDate(LocalDate.ofInstant(a.getStartsAt(), zone));
    String time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(h.locale()).withZone(zone)
        .format(a.getStartsAt());
    Map<String, Object> model = new HashMap<>();
    model.put("shop", shop.getName());
    model.put("day", day);
    model.put("time", time);
    model.put("work", a.getRequestedWork());
    model.put("vehicle", vehicles.find(a.getVehicleId()).map(AppointmentReminderMail::vehicle).orElse(""));
    return Optional.of(h.mail("reminder", List.of(customer.getEmail()), customer.getFirstName(),
        h.messages().get("mail.reminder.subject", shop.getName(), day, time), model, List.of()));
  }

  /** After the mail sender took the reminder: not again for this start. */
  public void markReminded(UUID appointmentId, Instant at) {
    appointments.find(appointmentId).filter(a -> a.getStatus() == Appointment.Status.BOOKED)
        .ifPresent(a -> a.reminded(at));
  }

  private static String vehicle(Vehicle v) {
    String name = Stream.of(v.getYear() == null ? null : v.getYear().toString(), v.getMake(), v.getModel())
        .filter(s -> s != null && !s.isBlank()).collect(Collectors.joining(" "));
    return name.isEmpty() ? (v.getPlate() != null ? v.getPlate() : v.getVin()) : name;
  }
}
