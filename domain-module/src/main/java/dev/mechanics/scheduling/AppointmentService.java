package dev.mechanics.scheduling;

import dev.mechanics.customer.Customer;
import dev.mechanics.customer.Vehicle;
import dev.mechanics.customer.Vehicles;
import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.Id;
import dev.mechanics.platform.Tenancy;
import dev.mechanics.tenancy.Caller;
import dev.mechanics.tenancy.Shop;
import dev.mechanics.tenancy.Shops;
import dev.mechanics.tenancy.StaffMembers;
import dev.mechanics.workorder.WorkOrder;
import dev.mechanics.workorder.WorkOrderService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Booking, moving, checking in and no-shows of appointments, and the free-slot search. */
@ApplicationScoped
@Transactional
public class AppointmentService {

  /** At most this many days in one free-slot search or listing. */
  public static final int MAX_DAYS = 62;

  /** Where an appointment goes: bay, optional technician, start and duration. */
  public record Placement(Id<Bay> bay, UUID technicianId, Instant startsAt, Duration duration) {
  }

  /** A new appointment. */
  public record NewAppointment(Id<Shop> shop, Id<Customer> customer, Id<Vehicle> vehicle, String requestedWork,
                               Placement placement) {
  }

  /** A free-slot search: a duration, a range of local days, optional bay kind and technician. */
  public record SlotQuery(Id<Shop> shop, LocalDate from, LocalDate to, Duration duration, Duration step,
                          Bay.Kind kind, UUID technicianId, int limit) {
  }

  @Inject
  Appointments appointments;

  @Inject
  Bays bays;

  @Inject
  BayService floor;

  @Inject
  Shops shops;

  @Inject
  Vehicles vehicles;

  @Inject
  StaffMembers staff;

  @Inject
  WorkOrderService workOrders;

  public Appointment book(Caller caller, NewAppointment request) {
    Shop shop = shops.find(request.shop().value())
        .orElseThrow(() -> DomainException.InvalidInput.field("shopId", "no such shop"));
    Vehicle vehicle = vehicles.find(request.vehicle().value())
        .orElseThrow(() -> DomainException.InvalidInput.field("vehicleId", "no such vehicle"));
    if (!vehicle.getCustomerId().equals(request.customer().value())) {
      throw DomainException.InvalidInput.field("vehicleId", "the vehicle does not belong to this customer");
    }
    Appointment appointment = new Appointment(Tenancy.current(), shop.getId(), request.customer().value(),
        vehicle.getId(), request.requestedWork(), caller.userId());
    place(appointment, shop, request.placement());
    appointments.add(appointment);
    return appointment;
  }

  public Appointment get(Id<Appointment> id) {
    return appointments.require(id.value());
  }

  public List<Appointment> of(Id<Shop> shopId, LocalDate from, LocalDate to) {
    Shop shop = shops.require(shopId.value());
    requireRange(from, to);
    java.time.ZoneId zone = java.time.ZoneId.of(shop.getTimeZone());
    return appointments.of(shop.getId(), from.atStartOfDay(zone).toInstant(),
        to.plusDays(1).atStartOfDay(zone).toInstant());
  }

  public Appointment move(Id<Appointment> id, long expectedVersion, Placement placement, String requestedWork) {
    Appointment appointment = appointments.require(id.value());
    appointment.requireVersion(expectedVersion, "appointment");
    if (appointment.getStatus() != Appointment.Status.BOOKED) {
      throw new DomainException.Conflict("Only a booked appointment can be moved (it is "
          + appointment.getStatus() + ")");
    }
    appointment.place(placement.bay().value(), placement.technicianId(), placement.startsAt(),
        placement.duration(), requestedWork);
    check(appointment, shops.require(appointment.getShopId()), placement);
    return appointments.touch(appointment);
  }

  /** The customer arrived: a work order opens for the vehicle with the requested work as its complaint. */
  public Appointment checkIn(Caller caller, Id<Appointment> id, long expectedVersion, Integer mileageIn) {
    Appointment appointment = appointments.require(id.value());
    appointment.requireVersion(expectedVersion, "appointment");
    if (appointment.getStatus() != Appointment.Status.BOOKED) {
      throw new DomainException.Conflict("Only a booked appointment can be checked in (it is "
          + appointment.getStatus() + ")");
    }
    WorkOrder workOrder = workOrders.create(new WorkOrderService.NewWorkOrder(new Id<>(appointment.getShopId()),
        new Id<>(appointment.getCustomerId()), new Id<>(appointment.getVehicleId()), mileageIn,
        appointment.getRequestedWork(), appointment.getTechnicianId() == null ? List.of()
            : List.of(appointment.getTechnicianId()), appointment.getEndsAt()), caller.userId());
    appointment.checkIn(workOrder.getId());
    return appointments.touch(appointment);
  }

  public Appointment noShow(Id<Appointment> id, long expectedVersion) {
    Appointment appointment = appointments.require(id.value());
    appointment.requireVersion(expectedVersion, "appointment");
    appointment.noShow();
    return appointments.touch(appointment);
  }

  public Appointment cancel(Id<Appointment> id, long expectedVersion) {
    Appointment appointment = appointments.require(id.value());
    appointment.requireVersion(expectedVersion, "appointment");
    appointment.cancel();
    return appointments.touch(appointment);
  }

  /**
   * Five statements: the shop, its bays, its week, its closed days in the range, and the range's bookings of those
   * bays as numbers (about 3,000 rows for a busy month of 12 bays); the search then runs in memory over sorted
   * intervals (FreeSlots). A set-based query over every (bay, start) pair anti-joined to the bookings was measured
   * and is 50-100 times slower (docs/benchmarks.md, free-slot search).
   */
  public List<FreeSlots.Slot> freeSlots(SlotQuery query) {
    Shop shop = shops.require(query.shop().value());
    requireRange(query.from(), query.to());
    List<UUID> bayIds = bays.of(shop.getId()).stream().filter(b -> query.kind() == null || b.getKind() == query.kind())
        .map(Bay::getId).toList();
    if (bayIds.isEmpty()) {
      return List.of();
    }
    ShopCalendar calendar = floor.calendar(query.shop(), query.from(), query.to());
    Instant from = query.from().atStartOfDay(calendar.zone()).toInstant();
    Instant to = query.to().plusDays(1).atStartOfDay(calendar.zone()).toInstant();
    Map<UUID, long[]> busy = appointments.busy(shop.getId(), bayIds, from, to);
    long[] technician = FreeSlots.periods(query.technicianId() == null ? List.of()
        : appointments.busyTechnician(query.technicianId(), from, to).stream()
            .map(r -> new FreeSlots.Busy((Instant) r[0], (Instant) r[1])).toList());
    return FreeSlots.searchMillis(calendar, bayIds, busy, technician, query.from(), query.to(), query.duration(),
        query.step(), query.limit());
  }

  private void place(Appointment appointment, Shop shop, Placement placement) {
    appointment.place(placement.bay().value(), placement.technicianId(), placement.startsAt(),
        placement.duration(), null);
    check(appointment, shop, placement);
  }

  /** A bay of this shop, a technician of this shop, inside its opening hours (each else 422). */
  private void check(Appointment appointment, Shop shop, Placement placement) {
    Bay bay = bays.find(placement.bay().value())
        .orElseThrow(() -> DomainException.InvalidInput.field("bayId", "no such bay"));
    if (!bay.getShopId().equals(shop.getId())) {
      throw DomainException.InvalidInput.field("bayId", "is a bay of another shop");
    }
    if (placement.technicianId() != null
        && staff.membership(placement.technicianId(), shop.getId()).isEmpty()) {
      throw DomainException.InvalidInput.field("technicianId", "is not on the staff of this shop");
    }
    LocalDate day = placement.startsAt().atZone(java.time.ZoneId.of(shop.getTimeZone())).toLocalDate();
    if (!floor.calendar(new Id<>(shop.getId()), day, day).covers(appointment.getStartsAt(), appointment.getEndsAt())) {
      throw DomainException.InvalidInput.field("startsAt", "is outside the shop's opening hours (or a closed day)");
    }
  }

  private static void requireRange(LocalDate from, LocalDate to) {
    if (to.isBefore(from)) {
      throw DomainException.InvalidInput.field("to", "must not be before from");
    }
    if (from.plusDays(MAX_DAYS).isBefore(to)) {
      throw DomainException.InvalidInput.field("to", "at most " + MAX_DAYS + " days after from");
    }
  }
}
