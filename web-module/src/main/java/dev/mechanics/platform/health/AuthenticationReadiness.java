package dev.mechanics.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while Liberty's security service has no LTPA keys: it then refuses every token, ours included, while
 * everything else looks healthy (CWWKS4118E when neither {@code ltpa_keys_password} nor {@code keystore_password} is
 * in server.env). The keys file is what Liberty writes once its LTPA configuration works, so its presence is the
 * signal; a file check per probe, nothing else (ADR 0055).
 */
@Readiness
@ApplicationScoped
public class AuthenticationReadiness implements HealthCheck {

  static final String[] PASSWORD_VARIABLES = {"ltpa_keys_password", "keystore_password"};

  @Inject
  @ConfigProperty(name = "LTPA_KEYS_FILE")
  Optional<String> keysFile;

  @Override
  public HealthCheckResponse call() {
    String problem = problem(keysFile.map(Path::of), System::getenv);
    HealthCheckResponseBuilder response = HealthCheckResponse.named("authentication").status(problem == null);
    if (problem != null) {
      response.withData("error", problem);
    }
    return response.build();
  }

  /** Null when the keys are there; otherwise what is wrong, naming variables and never values. */
  static String problem(Optional<Path> keys, UnaryOperator<String> environment) {
    if (keys.isEmpty() || Files.isReadable(keys.get())) {
      return null;
    }
    boolean noPassword = Stream.of(PASSWORD_VARIABLES).map(environment)
        .allMatch(value -> value == null || value.isBlank());
    return noPassword
        ? "no LTPA keys: neither ltpa_keys_password nor keystore_password is set (CWWKS4118E)"
        : "no LTPA keys (not created yet, or unreadable; see CWWKS41xx in messages.log)";
  }
}
