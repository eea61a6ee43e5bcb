package dev.mechanics.it.faults.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fault tests' proxy against small line servers of its own (no Liberty, no dependency). */
class TcpProxyTest {

  private final List<AutoCloseable> open = new ArrayList<>();

  @Test
  void forwardsCutsRefusesAndComesBackOnTheSamePort() throws Exception {
    int echo = lineServer(line -> "echo " + line);
    TcpProxy proxy = keep(TcpProxy.to("echo", echo));

    Socket first = keep(connect(proxy.port()));
    assertThat(ask(first, "a")).isEqualTo("echo a");

    proxy.cut();
    assertThatThrownBy(() -> ask(first, "b")).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> connect(proxy.port())).isInstanceOf(ConnectException.class);

    int port = proxy.port();
    proxy.restore();
    assertThat(proxy.port()).isEqualTo(port);
    assertThat(ask(keep(connect(proxy.port())), "c")).isEqualTo("echo c");
  }

  @Test
  void aBlackholeAcceptsAndNeverAnswersUntilRestored() throws Exception {
    TcpProxy proxy = keep(TcpProxy.to("echo", lineServer(line -> "echo " + line)));
    Socket pooled = keep(connect(proxy.port()));
    assertThat(ask(pooled, "before")).isEqualTo("echo before");

    proxy.blackhole();
    pooled.setSoTimeout(300);
    assertThatThrownBy(() -> ask(pooled, "held")).isInstanceOf(SocketTimeoutException.class);
    Socket fresh = keep(connect(proxy.port()));
    fresh.setSoTimeout(300);
    assertThatThrownBy(() -> ask(fresh, "held")).isInstanceOf(SocketTimeoutException.class);

    proxy.restore();
    assertThat(ask(keep(connect(proxy.port())), "after")).isEqualTo("echo after");
  }

  @Test
  void roundRobinSpreadsNewConnectionsAndSkipsAnUpstreamThatIsGone() throws Exception {
    int one = lineServer(line -> "one");
    int two = lineServer(line -> "two");
    TcpProxy proxy = keep(TcpProxy.roundRobin("pair", List.of(one, two, freePort())));

    List<String> answers = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      answers.add(ask(keep(connect(proxy.port())), "who"));
    }
    assertThat(answers).containsExactlyInAnyOrder("one", "two", "one");
    assertThat(proxy.acceptedConnections()).isEqualTo(3);
  }

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable c : open) {
      c.close();
    }
  }

  private <T extends AutoCloseable> T keep(T closeable) {
    open.add(closeable);
    return closeable;
  }

  private static Socket connect(int port) throws IOException {
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
    socket.setSoTimeout(5000);
    return socket;
  }

  private static String ask(Socket socket, String line) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
    InputStream in = socket.getInputStream();
    StringBuilder answer = new StringBuilder();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new IOException("closed");
      }
      answer.append((char) c);
    }
    return answer.toString();
  }

  /** A server answering each line with {@code answer(line)}, one thread per connection. */
  private int lineServer(Function<String, String> answer) throws IOException {
    ServerSocket server = keep(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
    Thread acceptor = new Thread(() -> {
      while (!server.isClosed()) {
        try {
          Socket s = server.accept();
          Thread t = new Thread(() -> serve(s, answer));
          t.setDaemon(true);
          t.start();
        } catch (IOException e) {
          return;
        }
      }
    });
    acceptor.setDaemon(true);
    acceptor.start();
    return server.getLocalPort();
  }

  private static void serve(Socket socket, Function<String, String> answer) {
    try (socket) {
      var reader = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
          StandardCharsets.UTF_8));
      OutputStream out = socket.getOutputStream();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        out.write((answer.apply(line) + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
      }
    } catch (IOException e) {
      // the proxy or the test closed it
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
