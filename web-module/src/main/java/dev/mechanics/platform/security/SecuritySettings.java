package dev.mechanics.platform.security;

import dev.mechanics.platform.web.DurationSetting;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Token lifetimes from {@code JWT_EXPIRATION} (default 15m) and {@code JWT_REFRESH_EXPIRATION} (7d). */
@ApplicationScoped
public class SecuritySettings {

  @Inject
  @ConfigProperty(name = "JWT_EXPIRATION", defaultValue = "15m")
  String accessTokenLifetime;

  @Inject
  @ConfigProperty(name = "JWT_REFRESH_EXPIRATION", defaultValue = "7d")
  String refreshTokenLifetime;

  public Duration refreshTokenLifetime() {
    return DurationSetting.parse("JWT_REFRESH_EXPIRATION", refreshTokenLifetime);
  }

  public Duration accessTokenLifetime() {
    return DurationSetting.parse("JWT_EXPIRATION", accessTokenLifetime);
  }
}
