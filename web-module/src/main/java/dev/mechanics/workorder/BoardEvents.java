package dev.mechanics.workorder;

import dev.mechanics.platform.notify.DatabaseListener;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The live board of this server instance. Every committed change to a work order is a row of
 * {@code work_order_events} and a NOTIFY on {@code work_order_events} (V50), from whichever instance made it. The
 * instance's one {@link DatabaseListener} hears them (and tells of every reconnect, after which what committed
 * meanwhile is read and sent first); this hands each event to the SSE subscribers of the work order's shop.
 * Sending happens on one sender thread, so neither the listener nor any subscriber holds a thread while it waits.
 * A comment every {@link #HEARTBEAT_SECONDS} keeps proxies from closing quiet streams.
 */
@ApplicationScoped
public class BoardEvents implements DatabaseListener.Handler {

  private static final Logger LOG = Logger.getLogger(BoardEvents.class.getName());
  static final String CHANNEL = "work_order_events";
  static final long CLEAN_UP_MILLIS = 3_600_000L;
  static final int HEARTBEAT_SECONDS = 15;
  /** How many missed events a reconnecting board gets before it should reload the board instead. */
  static final int CATCH_UP_LIMIT = 500;

  /** What the board hears: no customer data, no money. {@code version} is the work order's ETag. */
  public record Change(String workOrderId, String shopId, String status, String version, String change) {
  }

  /** An event with who may hear it: a technician-only subscriber hears of work assigned to them. */
  record Event(long id, UUID organizationId, UUID shopId, Set<UUID> assigned, Change change) {
  }

  record Subscriber(UUID organizationId, UUID shopId, UUID userId, boolean assignedOnly, SseEventSink sink,
                    Sse sse) {
    boolean hears(Event event) {
      return event.organizationId().equals(organizationId) && event.shopId().equals(shopId)
          && (!assignedOnly || event.assigned().contains(userId));
    }
  }

  private static final String EVENTS = """
      select e.id, e.organization_id, e.shop_id, e.work_order_id, e.change, w.status, w.version,
             w.technician_ids || coalesce((select array_agg(l.technician_id) from work_order_lines l
                                           where l.work_order_id = w.id and l.technician_id is not null),
                                          '{}'::uuid[]) as assigned
      from work_order_events e join work_orders w on w.id = e.work_order_id
      """;

  @Resource(lookup = "jdbc/mechanics")
  DataSource dataSource;

  @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
  ManagedThreadFactory threads;

  private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
  private final Jsonb json = JsonbBuilder.create();
  /** The last event handed to subscribers (the listener's thread only): what a reconnect catches up from. */
  private long lastDispatched;
  private long lastCleanUp;
  private ExecutorService sender;
  private ScheduledExecutorService heartbeat;

  // at construction, not on an @Initialized observer: the listener may hand this bean events before that runs
  @PostConstruct
  void start() {
    sender = Executors.newSingleThreadExecutor(threads);
    heartbeat = Executors.newSingleThreadScheduledExecutor(threads);
    heartbeat.scheduleAtFixedRate(() -> sender.execute(this::beat), HEARTBEAT_SECONDS, HEARTBEAT_SECONDS,
        TimeUnit.SECONDS);
  }

  @PreDestroy
  void stop() {
    if (heartbeat != null) {
      heartbeat.shutdownNow();
    }
    if (sender != null) {
      sender.shutdownNow();
    }
    subscribers.forEach(s -> closeQuietly(s.sink()));
    subscribers.clear();
  }

  /** Adds a subscriber after sending it what it missed since {@code lastEventId} (null: nothing). */
  void subscribe(Subscriber subscriber, Long lastEventId) {
    List<Event> missed = lastEventId == null ? List.of() : since(subscriber.shopId(), lastEventId);
    // the first bytes now, so that the client sees the answer's headers without waiting for a change
    sender.execute(() -> {
      deliver(subscriber, subscriber.sse().newEventBuilder().comment("open").reconnectDelay(2_000).build());
      missed.stream().filter(subscriber::hears).forEach(e -> send(subscriber, e));
    });
    subscribers.add(subscriber);
  }

  int subscriberCount() {
    return subscribers.size();
  }

  private List<Event> since(UUID shopId, long lastEventId) {
    try (Connection c = dataSource.getConnection();
         PreparedStatement st = c.prepareStatement(EVENTS + " where e.shop_id = ? and e.id > ? order by e.id limit "
             + CATCH_UP_LIMIT)) {
      st.setObject(1, shopId);
      st.setLong(2, lastEventId);
      return read(st);
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "board events: could not read the events missed since " + lastEventId, e);
      return List.of();
    }
  }

  @Override
  public String channel() {
    return CHANNEL;
  }

  /** After a reconnect, what committed meanwhile is sent first (at most {@link #CATCH_UP_LIMIT} events). */
  @Override
  public void connected(Connection c) throws SQLException {
    if (lastDispatched > 0) {
      try (PreparedStatement st = c.prepareStatement(EVENTS + " where e.id > ? order by e.id limit "
          + CATCH_UP_LIMIT)) {
        st.setLong(1, lastDispatched);
        fanOut(read(st));
      }
    }
  }

  @Override
  public void notified(Connection c, List<String> payloads) throws SQLException {
    List<Long> ids = new ArrayList<>();
    for (String payload : payloads) {
      try {
        ids.add(Long.parseLong(payload));
      } catch (NumberFormatException e) {
        LOG.warning(() -> "board events: ignored a notification that is not an event id");
      }
    }
    if (ids.isEmpty()) {
      return;
    }
    try (PreparedStatement st = c.prepareStatement(EVENTS + " where e.id = any(?) order by e.id")) {
      st.setArray(1, c.createArrayOf("bigint", ids.toArray()));
      fanOut(read(st));
    }
  }

  /** Events are for boards that reconnect within minutes: a day's are kept, the rest deleted hourly. */
  @Override
  public void afterWait(Connection c) throws SQLException {
    if (System.currentTimeMillis() - lastCleanUp > CLEAN_UP_MILLIS) {
      lastCleanUp = System.currentTimeMillis();
      try (Statement st = c.createStatement()) {
        st.executeUpdate("delete from work_order_events where created_at < now() - interval '1 day'");
      }
    }
  }

  private void fanOut(List<Event> events) {
    if (events.isEmpty()) {
      return;
    }
    lastDispatched = Math.max(lastDispatched, events.get(events.size() - 1).id());
    if (subscribers.isEmpty()) {
      return;
    }
    sender.execute(() -> {
      for (Event e : events) {
        for (Subscriber s : subscribers) {
          if (s.hears(e)) {
            send(s, e);
          }
        }
      }
    });
  }

  private static List<Event> read(PreparedStatement st) throws SQLException {
    List<Event> events = new ArrayList<>();
    try (ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        Set<UUID> assigned = new HashSet<>();
        Array array = rs.getArray("assigned");
        if (array != null) {
          for (Object o : (Object[]) array.getArray()) {
            assigned.add((UUID) o);
          }
        }
        UUID shopId = rs.getObject("shop_id", UUID.class);
        events.add(new Event(rs.getLong("id"), rs.getObject("organization_id", UUID.class), shopId, assigned,
            new Change(rs.getObject("work_order_id", UUID.class).toString(), shopId.toString(),
                rs.getString("status"), new EntityTag(Long.toString(rs.getLong("version"))).toString(),
                rs.getString("change"))));
      }
    }
    return events;
  }

  private void send(Subscriber s, Event e) {
    OutboundSseEvent event = s.sse().newEventBuilder().id(Long.toString(e.id())).name("work-order")
        .data(json.toJson(e.change())).build();
    deliver(s, event);
  }

  private void beat() {
    for (Subscriber s : subscribers) {
      deliver(s, s.sse().newEventBuilder().comment("keep-alive").build());
    }
  }

  private void deliver(Subscriber s, OutboundSseEvent event) {
    if (s.sink().isClosed()) {
      subscribers.remove(s);
      return;
    }
    try {
      s.sink().send(event).whenComplete((done, failure) -> {
        if (failure != null) {
          subscribers.remove(s);
          closeQuietly(s.sink());
        }
      });
    } catch (RuntimeException failure) {
      subscribers.remove(s);
      closeQuietly(s.sink());
    }
  }

  private static void closeQuietly(AutoCloseable closeable) {
    if (closeable == null) {
      return;
    }
    try {
      closeable.close();
    } catch (Exception ignored) {
      // closing what is already broken
    }
  }
}
