package dev.mechanics.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/** Against the real Redis at 127.0.0.1:6379, under a prefix of this run's own (never flushed). */
class FailoverRateLimiterTest {

  private static final String REDIS = System.getProperty("test.redis.url", "redis://127.0.0.1:6379");
  private final String prefix = "mechanics-test-" + UUID.randomUUID() + ":";
  private final List<AutoCloseable> closeMe = new ArrayList<>();

  @AfterEach
  void cleanUp() throws Exception {
    for (AutoCloseable c : closeMe) {
      c.close();
    }
    try (Jedis redis = new Jedis("127.0.0.1", 6379)) {
      for (String key : redis.keys(prefix + "*")) {
        redis.del(key);
      }
    }
  }

  private FailoverRateLimiter limiter(String url) {
    FailoverRateLimiter limiter = new FailoverRateLimiter(url, prefix, Duration.ofMillis(300), Duration.ofMillis(200));
    closeMe.add(limiter);
    return limiter;
  }

  @Test
  void twoInstancesSharingRedisEnforceOneLimitTogether() throws Exception {
    FailoverRateLimiter first = limiter(REDIS);
    FailoverRateLimiter second = limiter(REDIS);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<Boolean>> hits = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      FailoverRateLimiter instance = i % 2 == 0 ? first : second;
      hits.add(pool.submit(() -> instance.hit("user:shared", 40, Duration.ofMinutes(1)).allowed()));
    }
    long allowed = 0;
    for (Future<Boolean> hit : hits) {
      allowed += hit.get() ? 1 : 0;
    }
    pool.shutdown();
    assertThat(allowed).isEqualTo(40);
    assertThat(first.peek("user:shared")).isEqualTo(100);
    RateLimiter.Decision refused = second.hit("user:shared", 40, Duration.ofMinutes(1));
    assertThat(refused.allowed()).isFalse();
    assertThat(refused.retryAfterSeconds()).isBetween(1L, 60L);
    try (Jedis redis = new Jedis("127.0.0.1", 6379)) {
      assertThat(redis.pttl(prefix + "ratelimit:user:shared")).isBetween(1L, 60_000L);
    }
  }

  @Test
  void unreachableRedisDegradesToLocalCountingAndRecoversByItself() throws Exception {
    try (Forwarder forwarder = new Forwarder()) {
      FailoverRateLimiter limiter = limiter("redis://127.0.0.1:" + forwarder.port());
      // nothing listens on the port yet: requests are still answered, from the local counters
      assertThat(limiter.hit("k", 2, Duration.ofMinutes(1)).allowed()).isTrue();
      assertThat(limiter.isDegraded()).isTrue();
      assertThat(limiter.probe()).isEqualTo(FailoverRateLimiter.Status.DEGRADED);
      assertThat(limiter.hit("k", 2, Duration.ofMinutes(1)).allowed()).isTrue();
      assertThat(limiter.hit("k", 2, Duration.ofMinutes(1)).allowed()).isFalse();

      forwarder.start();
      Thread.sleep(300);
      assertThat(limiter.hit("k", 2, Duration.ofMinutes(1)).allowed()).isTrue();
      assertThat(limiter.isDegraded()).isFalse();
      assertThat(limiter.probe()).isEqualTo(FailoverRateLimiter.Status.UP);
      try (Jedis redis = new Jedis("127.0.0.1", 6379)) {
        assertThat(redis.get(prefix + "ratelimit:k")).isEqualTo("1");
      }
    }
  }

  @Test
  void withoutRedisTheLimiterCountsInProcess() {
    FailoverRateLimiter local = new FailoverRateLimiter();
    assertThat(local.probe()).isEqualTo(FailoverRateLimiter.Status.LOCAL_ONLY);
    for (int i = 0; i < 3; i++) {
      assertThat(local.hit("x", 3, Duration.ofMinutes(1)).allowed()).isTrue();
    }
    assertThat(local.hit("x", 3, Duration.ofMinutes(1)).allowed()).isFalse();
  }

  @Test
  void aMalformedRedisUrlIsRefusedNamingTheVariable() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new FailoverRateLimiter("http://x", "p:",
            Duration.ofMillis(100), Duration.ofMillis(100)))
        .hasMessageContaining("REDIS_URL");
  }

  /** A TCP port that refuses connections until {@link #start()}, then forwards to the real Redis. */
  static final class Forwarder implements AutoCloseable {
    private final int port;
    private ServerSocket server;
    private final List<Socket> sockets = new ArrayList<>();

    Forwarder() throws IOException {
      try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
        port = probe.getLocalPort();
      }
    }

    int port() {
      return port;
    }

    void start() throws IOException {
      server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
      Thread accept = new Thread(() -> {
        while (!server.isClosed()) {
          try {
            Socket client = server.accept();
            Socket upstream = new Socket("127.0.0.1", 6379);
            synchronized (sockets) {
              sockets.add(client);
              sockets.add(upstream);
            }
            pipe(client.getInputStream(), upstream.getOutputStream());
            pipe(upstream.getInputStream(), client.getOutputStream());
          } catch (IOException e) {
            return;
          }
        }
      });
      accept.setDaemon(true);
      accept.start();
    }

    private static void pipe(InputStream in, OutputStream out) {
      Thread t = new Thread(() -> {
        byte[] buffer = new byte[8192];
        try {
          for (int n; (n = in.read(buffer)) >= 0; ) {
            out.write(buffer, 0, n);
            out.flush();
          }
        } catch (IOException e) {
          // connection closed
        }
      });
      t.setDaemon(true);
      t.start();
    }

    @Override
    public void close() throws IOException {
      if (server != null) {
        server.close();
      }
      synchronized (sockets) {
        for (Socket s : sockets) {
          s.close();
        }
      }
    }
  }
}
