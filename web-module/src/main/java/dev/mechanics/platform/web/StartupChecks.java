package dev.mechanics.platform.web;

import dev.mechanics.customer.PersonalDataRekeying;
import dev.mechanics.demo.DemoData;
import dev.mechanics.platform.crypto.PersonalDataKeys;
import dev.mechanics.platform.lifecycle.AfterMigration;
import dev.mechanics.platform.ratelimit.RateLimits;
import dev.mechanics.platform.security.JwtKeys;
import dev.mechanics.platform.security.SecuritySettings;
import dev.mechanics.tenancy.RefreshTokenSecret;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses to start on invalid configuration (the message names the variable and never its value) and loads
 * the demo chain when {@code DEMO_DATA=true}. Migrations have usually run (FlywayMigrationIntegrator); when the
 * database was away at start, the work that needs it waits for them (AfterMigration, ADR 0055).
 */
@ApplicationScoped
public class StartupChecks {

  private static final Logger LOG = Logger.getLogger(StartupChecks.class.getName());

  @Inject
  SecuritySettings security;

  @Inject
  DemoData demoData;

  @Inject
  RateLimits rateLimits;

  @Inject
  PersonalDataRekeying rekeying;

  @Inject
  AppEnvironment environment;

  @Inject
  AfterMigration afterMigration;

  @Inject
  ClientAddress clientAddress;

  @Inject
  @ConfigProperty(name = FrontDoorFilter.VARIABLE)
  Optional<String> frontDoorId;

  @Inject
  @ConfigProperty(name = "DEMO_DATA", defaultValue = "false")
  boolean loadDemoData;

  @Inject
  @ConfigProperty(name = "APP_VERSION", defaultValue = "dev")
  String version;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
    List<String> problems = new ArrayList<>(environment.problems());
    Stream.of(clientAddress.problem(), FrontDoorFilter.problem(frontDoorId)).filter(Objects::nonNull)
        .forEach(problems::add);
    if (!problems.isEmpty()) {
      throw new IllegalStateException("Invalid configuration: " + String.join("; ", problems));
    }
    String jwtProblem = JwtKeys.current().problem();
    if (jwtProblem != null) {
      throw new IllegalStateException("Invalid configuration: " + jwtProblem);
    }
    String refreshProblem = RefreshTokenSecret.current().problem();
    if (refreshProblem != null) {
      throw new IllegalStateException("Invalid configuration: " + refreshProblem);
    }
    String keyProblem = PersonalDataKeys.current().problem();
    if (keyProblem != null) {
      throw new IllegalStateException("Invalid configuration: " + keyProblem);
    }
    security.accessTokenLifetime();
    security.refreshTokenLifetime();
    rateLimits.probe();
    afterMigration.run("start-up data (re-keying, demo data)", () -> {
      rekeying.run();
      if (loadDemoData && demoData.loadIfEmpty()) {
        LOG.info("Demo sign-in: " + DemoData.OWNER_EMAIL + " (password in the README)");
      }
    });
    LOG.info("Mechanics " + version + " started");
  }
}
