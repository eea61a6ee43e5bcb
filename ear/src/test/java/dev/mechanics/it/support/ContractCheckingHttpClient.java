package dev.mechanics.it.support;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;

/**
 * An {@link HttpClient} that checks every answer against the OpenAPI document ({@link OpenApiContract}) before
 * handing it on, so a client generated from the document notices any route that answers otherwise than
 * documented, errors included. What differs is collected in {@link #violations()}.
 */
public final class ContractCheckingHttpClient extends HttpClient {

  private final HttpClient delegate = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final OpenApiContract contract;
  private final List<String> violations = new CopyOnWriteArrayList<>();
  private final List<String> operations = new CopyOnWriteArrayList<>();

  public ContractCheckingHttpClient(OpenApiContract contract) {
    this.contract = contract;
  }

  /** Every difference between an answer and the document, in the order they happened. */
  public List<String> violations() {
    return List.copyOf(violations);
  }

  /** The operations called, in order (with their status). */
  public List<String> operations() {
    return List.copyOf(operations);
  }

  @Override
  public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
      throws IOException, InterruptedException {
    HttpResponse<byte[]> response = delegate.send(request, HttpResponse.BodyHandlers.ofByteArray());
    byte[] body = response.body() == null ? new byte[0] : response.body();
    operations.add(contract.operationId(request.method(), request.uri()).orElse(request.uri().getPath()) + " "
        + response.statusCode());
    violations.addAll(contract.check(request.method(), request.uri(), response.statusCode(), response.headers(),
        body));
    return new Buffered<>(response, replay(response, body, handler));
  }

  /** Feeds the bytes already read to the caller's body handler. */
  private static <T> T replay(HttpResponse<byte[]> response, byte[] body, HttpResponse.BodyHandler<T> handler) {
    HttpResponse.BodySubscriber<T> subscriber = handler.apply(new HttpResponse.ResponseInfo() {
      @Override
      public int statusCode() {
        return response.statusCode();
      }

      @Override
      public HttpHeaders headers() {
        return response.headers();
      }

      @Override
      public Version version() {
        return response.version();
      }
    });
    subscriber.onSubscribe(new Flow.Subscription() {
      @Override
      public void request(long n) {
      }

      @Override
      public void cancel() {
      }
    });
    subscriber.onNext(List.of(ByteBuffer.wrap(body)));
    subscriber.onComplete();
    return subscriber.getBody().toCompletableFuture().join();
  }

  private record Buffered<T>(HttpResponse<byte[]> response, T body) implements HttpResponse<T> {
    @Override
    public int statusCode() {
      return response.statusCode();
    }

    @Override
    public HttpRequest request() {
      return response.request();
    }

    @Override
    public Optional<HttpResponse<T>> previousResponse() {
      return Optional.empty();
    }

    @Override
    public HttpHeaders headers() {
      return response.headers();
    }

    @Override
    public Optional<SSLSession> sslSession() {
      return response.sslSession();
    }

    @Override
    public URI uri() {
      return response.uri();
    }

    @Override
    public HttpClient.Version version() {
      return response.version();
    }
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    throw new UnsupportedOperationException("the contract check is synchronous");
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
                                                          HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
    throw new UnsupportedOperationException("the contract check is synchronous");
  }

  @Override
  public Optional<CookieHandler> cookieHandler() {
    return delegate.cookieHandler();
  }

  @Override
  public Optional<Duration> connectTimeout() {
    return delegate.connectTimeout();
  }

  @Override
  public Redirect followRedirects() {
    return delegate.followRedirects();
  }

  @Override
  public Optional<ProxySelector> proxy() {
    return delegate.proxy();
  }

  @Override
  public SSLContext sslContext() {
    return delegate.sslContext();
  }

  @Override
  public SSLParameters sslParameters() {
    return delegate.sslParameters();
  }

  @Override
  public Optional<Authenticator> authenticator() {
    return delegate.authenticator();
  }

  @Override
  public Version version() {
    return delegate.version();
  }

  @Override
  public Optional<Executor> executor() {
    return delegate.executor();
  }
}
