package dev.mechanics.it.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The OpenAPI document as the started test server serves it. Run by the build (integration-test phase, before
 * Failsafe) to write the copy the Java client is generated from; tests fetch it the same way.
 */
public final class ServedOpenApi {

  private ServedOpenApi() {
  }

  public static void main(String[] args) throws Exception {
    Path target = Path.of(args[0]);
    Files.createDirectories(target.getParent());
    Files.writeString(target, fetch());
    System.out.println("[OpenAPI] " + Api.baseUrl() + "/openapi -> " + target);
  }

  /** The document as JSON, once the application is ready (before, Liberty may serve a partial one). */
  public static String fetch() throws IOException, InterruptedException {
    Api.awaitReady();
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(Api.baseUrl() + "/openapi")).header("Accept", "application/json").build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("GET /openapi answered " + response.statusCode());
    }
    return response.body();
  }
}
