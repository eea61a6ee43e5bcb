package dev.mechanics.it.support;

import io.restassured.builder.ResponseBuilder;
import io.restassured.response.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Server-sent event streams read as the app reads them: fetch-like, with {@code Authorization: Bearer}. */
public final class Streams {

  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private Streams() {
  }

  /** One event as received; {@code comment} set for a comment line. */
  public record Event(String id, String event, String data, String comment) {
  }

  /** An open stream; its events arrive in a queue filled by a reader thread. */
  public static final class EventStream implements AutoCloseable {
    private final HttpResponse<Stream<String>> response;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final Thread reader;

    EventStream(HttpResponse<Stream<String>> response) {
      this.response = response;
      this.reader = new Thread(this::read, "sse-reader");
      reader.setDaemon(true);
      reader.start();
    }

    public int status() {
      return response.statusCode();
    }

    public HttpResponse<Stream<String>> response() {
      return response;
    }

    private void read() {
      String id = null;
      String event = null;
      StringBuilder data = null;
      try {
        Iterator<String> lines = response.body().iterator();
        while (lines.hasNext()) {
          String line = lines.next();
          if (line.isEmpty()) {
            if (data != null || event != null) {
              events.add(new Event(id, event, data == null ? null : data.toString(), null));
            }
            id = null;
            event = null;
            data = null;
          } else if (line.startsWith(":")) {
            events.add(new Event(null, null, null, line.substring(1).strip()));
          } else if (line.startsWith("id:")) {
            id = line.substring(3).strip();
          } else if (line.startsWith("event:")) {
            event = line.substring(6).strip();
          } else if (line.startsWith("data:")) {
            String part = line.substring(5).strip();
            data = data == null ? new StringBuilder(part) : data.append('\n').append(part);
          }
        }
      } catch (RuntimeException closed) {
        // the test closed the stream
      }
    }

    /** The next event named {@code name} within {@code timeout}, skipping comments and other events; or null. */
    public Event next(String name, Duration timeout) throws InterruptedException {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (true) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return null;
        }
        Event e = events.poll(left, TimeUnit.NANOSECONDS);
        if (e == null) {
          return null;
        }
        if (name.equals(e.event())) {
          return e;
        }
      }
    }

    /** The next comment within {@code timeout}, or null. */
    public Event nextComment(Duration timeout) throws InterruptedException {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (true) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return null;
        }
        Event e = events.poll(left, TimeUnit.NANOSECONDS);
        if (e == null) {
          return null;
        }
        if (e.comment() != null) {
          return e;
        }
      }
    }

    /** Every event that arrives within {@code window}. */
    public List<Event> drain(String name, Duration window) throws InterruptedException {
      List<Event> all = new ArrayList<>();
      Event e;
      while ((e = next(name, window)) != null) {
        all.add(e);
      }
      return all;
    }

    @Override
    public void close() {
      response.body().close();
      reader.interrupt();
    }
  }

  /** Opens {@code path} (under the server's root, e.g. {@code /api/v1/shops/x/events}) as a stream. */
  public static EventStream open(String path, String token, String lastEventId) throws Exception {
    return new EventStream(send(path, token, lastEventId));
  }

  private static HttpResponse<Stream<String>> send(String path, String token, String lastEventId)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Api.baseUrl() + path))
        .header("Accept", "text/event-stream").header("X-Forwarded-For", Api.randomClientAddress()).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (lastEventId != null) {
      request.header("Last-Event-ID", lastEventId);
    }
    return CLIENT.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines()).get(10, TimeUnit.SECONDS);
  }

  /** The answer to opening a stream, as a RestAssured response: its status, type and (for errors) its body. */
  public static Response status(String path, String token) {
    try {
      HttpResponse<Stream<String>> r = send(path, token, null);
      try (Stream<String> lines = r.body()) {
        String type = r.headers().firstValue("Content-Type").orElse("");
        String body = r.statusCode() >= 400 ? lines.collect(Collectors.joining("\n")) : "";
        return new ResponseBuilder().setStatusCode(r.statusCode()).setContentType(type).setBody(body).build();
      }
    } catch (Exception e) {
      throw new IllegalStateException("could not open " + path + ": " + e, e);
    }
  }
}
