package dev.mechanics.it.faults.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy on a free loopback port, in front of one upstream or round-robin over several, that a fault test
 * controls: {@link #cut} (every connection closed, new ones refused), {@link #blackhole} (connections accepted and
 * read, nothing forwarded or answered: a hung dependency), {@link #slow} (latency on every chunk) and
 * {@link #restore}. Loopback only: it binds 127.0.0.1 and refuses an upstream that is not a loopback address.
 *
 * <p>One platform thread per direction of each connection: fault tests open tens of connections, not thousands.
 */
public final class TcpProxy implements AutoCloseable {

  /** What the proxy does with the bytes (and connections) it sees. */
  public enum Mode { FORWARD, CUT, BLACKHOLE }

  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  private final String name;
  private volatile List<InetSocketAddress> upstreams;
  private final AtomicInteger next = new AtomicInteger();
  private final Set<Link> links = ConcurrentHashMap.newKeySet();
  private final AtomicLong accepted = new AtomicLong();
  private volatile Mode mode = Mode.FORWARD;
  private volatile long latencyMillis;
  private volatile boolean closed;
  private int port;
  private ServerSocket listener;
  private Thread acceptor;

  private TcpProxy(String name, List<InetSocketAddress> upstreams) {
    this.name = name;
    setUpstreams(upstreams);
  }

  /** A proxy on a free port to {@code 127.0.0.1:upstreamPort}. */
  public static TcpProxy to(String name, int upstreamPort) throws IOException {
    return roundRobin(name, List.of(upstreamPort));
  }

  /** A proxy on a free port that sends each new connection to the next of {@code upstreamPorts} that accepts it. */
  public static TcpProxy roundRobin(String name, List<Integer> upstreamPorts) throws IOException {
    TcpProxy proxy = new TcpProxy(name, addresses(upstreamPorts));
    proxy.listen(0);
    return proxy;
  }

  /** The port the proxy listens on (127.0.0.1); it keeps it across {@link #cut} and {@link #restore}. */
  public int port() {
    return port;
  }

  public Mode mode() {
    return mode;
  }

  /** Connections accepted since the start. */
  public long acceptedConnections() {
    return accepted.get();
  }

  /** Connections open now. */
  public int openConnections() {
    return links.size();
  }

  /** Replaces the round-robin pool (for instance to take one instance out); open connections stay. */
  public void setUpstreamPorts(List<Integer> upstreamPorts) {
    setUpstreams(addresses(upstreamPorts));
  }

  /** The dependency is down: every open connection is closed and new ones are refused (nothing listens). */
  public synchronized void cut() throws IOException {
    mode = Mode.CUT;
    closeListener();
    closeLinks();
  }

  /**
   * The dependency hangs: open connections stay open but nothing more passes either way, and new connections are
   * accepted and read but never answered. Only a client-side timeout gets a caller out.
   */
  public synchronized void blackhole() throws IOException {
    mode = Mode.BLACKHOLE;
    ensureListening();
  }

  /** Adds {@code latency} before every chunk forwarded, in both directions ({@link Duration#ZERO} removes it). */
  public void slow(Duration latency) {
    latencyMillis = latency.toMillis();
  }

  /**
   * The dependency is back: forwarding again, without latency, on the same port. Connections that lost bytes in a
   * blackhole are closed, as the dependency's own restart would (their protocol state is lost).
   */
  public synchronized void restore() throws IOException {
    Mode was = mode;
    latencyMillis = 0;
    if (was == Mode.BLACKHOLE) {
      closeLinks();
    }
    mode = Mode.FORWARD;
    ensureListening();
  }

  @Override
  public synchronized void close() throws IOException {
    closed = true;
    closeListener();
    closeLinks();
  }

  @Override
  public String toString() {
    return "TcpProxy[" + name + " 127.0.0.1:" + port + " -> " + upstreams + ", " + mode + "]";
  }

  private void setUpstreams(List<InetSocketAddress> addresses) {
    if (addresses.isEmpty()) {
      throw new IllegalArgumentException("a proxy needs at least one upstream");
    }
    for (InetSocketAddress address : addresses) {
      if (!address.getAddress().isLoopbackAddress()) {
        throw new IllegalArgumentException("fault tests proxy loopback addresses only: " + address);
      }
    }
    upstreams = List.copyOf(addresses);
  }

  private static List<InetSocketAddress> addresses(List<Integer> ports) {
    List<InetSocketAddress> addresses = new ArrayList<>();
    for (int p : ports) {
      addresses.add(new InetSocketAddress(LOOPBACK, p));
    }
    return addresses;
  }

  private void ensureListening() throws IOException {
    if (listener == null || listener.isClosed()) {
      listen(port);
    }
  }

  private void listen(int wanted) throws IOException {
    IOException last = null;
    // the port was ours a moment ago; a socket of ours in TIME_WAIT may hold it for a short while
    for (int attempt = 0; attempt < 50; attempt++) {
      ServerSocket socket = new ServerSocket();
      try {
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(LOOPBACK, wanted), 200);
        listener = socket;
        port = socket.getLocalPort();
        acceptor = new Thread(() -> acceptLoop(socket), "tcp-proxy-" + name + "-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        return;
      } catch (IOException e) {
        socket.close();
        last = e;
        sleep(100);
      }
    }
    throw new IOException("could not listen again on 127.0.0.1:" + wanted + " for " + name, last);
  }

  private void acceptLoop(ServerSocket socket) {
    while (!socket.isClosed()) {
      try {
        Socket client = socket.accept();
        accepted.incrementAndGet();
        client.setTcpNoDelay(true);
        Link link = new Link(client);
        links.add(link);
        link.start();
      } catch (IOException e) {
        // the listener was closed by cut() or close()
      }
    }
  }

  private Socket connectUpstream() {
    List<InetSocketAddress> pool = upstreams;
    int first = Math.floorMod(next.getAndIncrement(), pool.size());
    for (int i = 0; i < pool.size(); i++) {
      Socket upstream = new Socket();
      try {
        upstream.setTcpNoDelay(true);
        upstream.connect(pool.get((first + i) % pool.size()), 2000);
        return upstream;
      } catch (IOException e) {
        quietly(upstream);
      }
    }
    return null;
  }

  private void closeListener() throws IOException {
    if (listener != null) {
      listener.close();
      // the JDK releases the listening socket only once the blocked accept() has returned: until then the kernel
      // still completes connections, and a test that expects "refused" would be let in
      try {
        acceptor.join(5000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void closeLinks() {
    for (Link link : List.copyOf(links)) {
      link.close();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void quietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // closing anyway
    }
  }

  /** One client connection and its upstream (null while it is held in a blackhole). */
  private final class Link {
    private final Socket client;
    private volatile Socket upstream;

    Link(Socket client) {
      this.client = client;
    }

    void start() {
      Thread up = new Thread(this::clientToUpstream, "tcp-proxy-" + name + "-up");
      up.setDaemon(true);
      up.start();
    }

    private void clientToUpstream() {
      byte[] buffer = new byte[16 * 1024];
      try (InputStream in = client.getInputStream()) {
        if (mode == Mode.FORWARD && !openUpstream()) {
          return;
        }
        for (int n = in.read(buffer); n >= 0 && !closed; n = in.read(buffer)) {
          if (mode == Mode.BLACKHOLE) {
            continue;
          }
          if (upstream == null && !openUpstream()) {
            return;
          }
          delay();
          OutputStream out = upstream.getOutputStream();
          out.write(buffer, 0, n);
          out.flush();
        }
      } catch (IOException e) {
        // either side went away
      } finally {
        close();
      }
    }

    private boolean openUpstream() {
      Socket socket = connectUpstream();
      if (socket == null) {
        return false;
      }
      upstream = socket;
      Thread down = new Thread(() -> upstreamToClient(socket), "tcp-proxy-" + name + "-down");
      down.setDaemon(true);
      down.start();
      return true;
    }

    private void upstreamToClient(Socket from) {
      byte[] buffer = new byte[16 * 1024];
      try (InputStream in = from.getInputStream()) {
        OutputStream out = client.getOutputStream();
        for (int n = in.read(buffer); n >= 0 && !closed; n = in.read(buffer)) {
          if (mode == Mode.BLACKHOLE) {
            continue;
          }
          delay();
          out.write(buffer, 0, n);
          out.flush();
        }
      } catch (SocketException e) {
        // closed by cut(), restore() or the client
      } catch (IOException e) {
        // the upstream went away
      } finally {
        close();
      }
    }

    private void delay() {
      long millis = latencyMillis;
      if (millis > 0) {
        sleep(millis);
      }
    }

    void close() {
      links.remove(this);
      quietly(client);
      Socket socket = upstream;
      if (socket != null) {
        quietly(socket);
      }
    }
  }
}
