package dev.mechanics.timeclock;

import dev.mechanics.audit.AuditTrail;
import dev.mechanics.platform.IdempotentRequests;
import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.Id;
import dev.mechanics.platform.Tenancy;
import dev.mechanics.tenancy.Caller;
import dev.mechanics.tenancy.Capability;
import dev.mechanics.tenancy.Shop;
import dev.mechanics.tenancy.Shops;
import dev.mechanics.tenancy.StaffMembers;
import dev.mechanics.workorder.LineType;
import dev.mechanics.workorder.WorkOrder;
import dev.mechanics.workorder.WorkOrderLine;
import dev.mechanics.workorder.WorkOrderService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Technicians' clocks: shift in/out (attendance) and job on/off a labor line, each event exactly once per
 * Idempotency-Key; clocking on a second job stops the first. Managers correct entries with a reason (audited).
 */
@ApplicationScoped
@Transactional
public class TimeClockService {

  /** What a device sends: the action, the shop, and the labor line for JOB_ON. */
  public record ClockRequest(ClockEvent.Action action, Id<Shop> shop, UUID lineId) {
    String canonical(UUID technician) {
      return action + "|" + shop + "|" + lineId + "|" + technician;
    }
  }

  /** The entry an event started or stopped; {@code replayed}: the answer to an earlier request with the key. */
  public record ClockResult(ClockEntry entry, boolean replayed) {
  }

  @Inject
  ClockEntries entries;

  @Inject
  IdempotentRequests idempotent;

  @Inject
  Shops shops;

  @Inject
  StaffMembers staff;

  @Inject
  WorkOrderService workOrders;

  @Inject
  AuditTrail audit;

  public ClockResult clock(Caller caller, ClockRequest request, String idempotencyKeyHeader) {
    String key = IdempotentRequests.requireKey(idempotencyKeyHeader, "clock events");
    UUID technician = caller.userId();
    Shop shop = shops.find(request.shop().value())
        .orElseThrow(() -> DomainException.InvalidInput.field("shopId", "no such shop"));
    if (staff.membership(technician, shop.getId()).isEmpty()) {
      throw new DomainException.Forbidden("Only the staff of this shop clock in it");
    }
    entries.lockTechnician(technician);
    String hash = IdempotentRequests.hash(request.canonical(technician));
    Optional<ClockEvent> earlier = idempotent.earlier(ClockEvent.class, key, hash, "clock event");
    if (earlier.isPresent()) {
      return new ClockResult(entries.require(earlier.get().getEntryId()), true);
    }
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    ClockEntry entry = switch (request.action()) {
      case SHIFT_IN -> {
        if (entries.running(technician, ClockEntry.Kind.SHIFT).isPresent()) {
          throw new DomainException.Conflict("Already clocked in: clock out first");
        }
        ClockEntry shift = new ClockEntry(Tenancy.current(), shop.getId(), technician, ClockEntry.Kind.SHIFT, null,
            null, now);
        entries.add(shift);
        yield shift;
      }
      case SHIFT_OUT -> {
        ClockEntry shift = entries.running(technician, ClockEntry.Kind.SHIFT)
            .orElseThrow(() -> new DomainException.Conflict("Not clocked in"));
        // leaving ends the job clock too: time on a job is inside attendance
        entries.running(technician, ClockEntry.Kind.JOB).ifPresent(job -> job.stop(now));
        shift.stop(now);
        yield shift;
      }
      case JOB_ON -> {
        WorkOrderLine line = laborLine(caller, shop, request.lineId());
        entries.running(technician, ClockEntry.Kind.JOB).ifPresent(job -> {
          job.stop(now);
          entries.flush();   // the stopped job is written before the new one starts (one running per technician)
        });
        ClockEntry job = new ClockEntry(Tenancy.current(), shop.getId(), technician, ClockEntry.Kind.JOB,
            line.getWorkOrder().getId(), line.getId(), now);
        entries.add(job);
        yield job;
      }
      case JOB_OFF -> {
        ClockEntry job = entries.running(technician, ClockEntry.Kind.JOB)
            .orElseThrow(() -> new DomainException.Conflict("No job clock is running"));
        job.stop(now);
        yield job;
      }
    };
    entries.add(new ClockEvent(Tenancy.current(), entry.getId(), request.action(), technician, key, hash));
    entries.flush();
    return new ClockResult(entry, false);
  }

  /** The shop's entries on the local days from..to; a technician without staff rights sees only their own. */
  public List<ClockEntry> entries(Caller caller, Id<Shop> shopId, UUID technicianId, java.time.LocalDate from,
                                  java.time.LocalDate to) {
    Shop shop = shops.require(shopId.value());
    java.time.ZoneId zone = java.time.ZoneId.of(shop.getTimeZone());
    UUID who = technicianId;
    if (!caller.mayIn(Capability.MANAGE_STAFF, shop.getId())) {
      if (technicianId != null && !technicianId.equals(caller.userId())) {
        throw new DomainException.Forbidden("Only managers read other technicians' clocks");
      }
      who = caller.userId();
    }
    return entries.of(shop.getId(), who, from.atStartOfDay(zone).toInstant(),
        to.plusDays(1).atStartOfDay(zone).toInstant());
  }

  /** A manager's correction of an entry's times, with the reason, in the audit trail. */
  public ClockEntry correct(Caller caller, Id<ClockEntry> id, long expectedVersion, Instant startedAt,
                            Instant endedAt, String reason) {
    ClockEntry entry = entries.require(id.value());
    caller.requireIn(Capability.MANAGE_STAFF, entry.getShopId(), "correct clock entries of this shop");
    entry.requireVersion(expectedVersion, "clock entry");
    if (endedAt != null && endedAt.isBefore(startedAt)) {
      throw DomainException.InvalidInput.field("endedAt", "must not be before startedAt");
    }
    if (startedAt.isAfter(Instant.now().plus(5, ChronoUnit.MINUTES))) {
      throw DomainException.InvalidInput.field("startedAt", "must not be in the future");
    }
    Map<String, Object> before = times(entry);
    entry.correct(startedAt.truncatedTo(ChronoUnit.MICROS),
        endedAt == null ? null : endedAt.truncatedTo(ChronoUnit.MICROS));
    entries.flush();
    Map<String, Object> after = times(entry);
    after.put("reason", reason);
    audit.record("clock.corrected", "clock_entry", entry.getId(), entry.getShopId(), before, after);
    return entry;
  }

  private WorkOrderLine laborLine(Caller caller, Shop shop, UUID lineId) {
    if (lineId == null) {
      throw DomainException.InvalidInput.field("lineId", "JOB_ON needs the labor line");
    }
    WorkOrderLine line = entries.line(lineId)
        .orElseThrow(() -> DomainException.InvalidInput.field("lineId", "no such line"));
    WorkOrder workOrder;
    try {
      workOrder = workOrders.get(caller, new Id<>(line.getWorkOrder().getId()));
    } catch (DomainException.NotFound e) {
      throw DomainException.InvalidInput.field("lineId", "no such line");
    }
    if (!workOrder.getShopId().equals(shop.getId())) {
      throw DomainException.InvalidInput.field("lineId", "is a line of another shop's work order");
    }
    if (line.getType() != LineType.LABOR) {
      throw DomainException.InvalidInput.field("lineId", "is not a labor line");
    }
    return line;
  }

  private static Map<String, Object> times(ClockEntry entry) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("technicianId", entry.getTechnicianId().toString());
    map.put("kind", entry.getKind().name());
    map.put("startedAt", entry.getStartedAt().toString());
    map.put("endedAt", entry.getEndedAt() == null ? null : entry.getEndedAt().toString());
    return map;
  }
}
