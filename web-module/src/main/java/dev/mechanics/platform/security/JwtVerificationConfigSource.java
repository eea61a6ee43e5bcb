package dev.mechanics.platform.security;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Tells Liberty's MicroProfile JWT how to verify access tokens: the ES256 public key derived from
 * {@code JWT_SECRET}, the only accepted algorithm, issuer and audience.
 */
public class JwtVerificationConfigSource implements ConfigSource {

  private static final Set<String> NAMES = Set.of("mp.jwt.verify.publickey", "mp.jwt.verify.publickey.algorithm",
      "mp.jwt.verify.issuer", "mp.jwt.verify.audiences");

  @Override
  public Set<String> getPropertyNames() {
    return NAMES;
  }

  @Override
  public Map<String, String> getProperties() {
    JwtKeys keys = JwtKeys.current();
    if (keys.problem() != null) {
      return Map.of();
    }
    return Map.of("mp.jwt.verify.publickey", keys.publicKeyPem(),
        "mp.jwt.verify.publickey.algorithm", "ES256",
        "mp.jwt.verify.issuer", JwtKeys.ISSUER,
        "mp.jwt.verify.audiences", JwtKeys.AUDIENCE);
  }

  @Override
  public String getValue(String propertyName) {
    return NAMES.contains(propertyName) ? getProperties().get(propertyName) : null;
  }

  @Override
  public String getName() {
    return "mechanics-jwt-verification";
  }

  @Override
  public int getOrdinal() {
    return 250;
  }
}
