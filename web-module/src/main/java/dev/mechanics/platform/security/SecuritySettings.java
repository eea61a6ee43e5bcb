package dev.mechanics.platform.security;

import dev.mechanics.platform.web.DurationSetting;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Token lifetimes from {@code JWT_EXPIRATION} (default 15m). */
@ApplicationScoped
public class SecuritySettings {

  @Inject
  @ConfigProperty(name = "JWT_EXPIRATION", defaultValue = "15m")
  String accessTokenLifetime;

  public Duration accessTokenLifetime() {
    return DurationSetting.parse("JWT_EXPIRATION", accessTokenLifetime);
  }
}
