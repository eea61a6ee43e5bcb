package dev.mechanics.platform.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.mechanics.platform.Ids;
import dev.mechanics.tenancy.Role;
import dev.mechanics.tenancy.SignedInStaff;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** Issues the signed access tokens that MicroProfile JWT verifies on every other request. */
@ApplicationScoped
public class AccessTokens {

  /** Claim holding the caller's organization (the tenant). */
  public static final String ORGANIZATION_CLAIM = "org";
  /** Claim naming the session (refresh-token family); a revoked session rejects its access tokens at once. */
  public static final String SESSION_CLAIM = "sid";

  @Inject
  SecuritySettings settings;

  public record Issued(String token, Duration lifetime) {
  }

  public Issued issue(SignedInStaff staff, UUID sessionId) {
    Instant now = Instant.now();
    Duration lifetime = settings.accessTokenLifetime();
    // the operator role as the sign-in or refresh decided it (PlatformOperators); requests re-check it
    Set<Role> roles = new TreeSet<>(staff.roles());
    JWTClaimsSet claims = new JWTClaimsSet.Builder()
        .issuer(JwtKeys.ISSUER)
        .audience(JwtKeys.AUDIENCE)
        .subject(staff.userId().toString())
        .claim("upn", staff.email())
        .claim("groups", roles.stream().map(Role::name).sorted().toList())
        .claim(ORGANIZATION_CLAIM, staff.organizationId().toString())
        .claim(SESSION_CLAIM, sessionId.toString())
        .jwtID(Ids.newId().toString())
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(lifetime)))
        .build();
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(JOSEObjectType.JWT).build(), claims);
    try {
      jwt.sign(new ECDSASigner(JwtKeys.current().privateKey()));
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign an access token", e);
    }
    return new Issued(jwt.serialize(), lifetime);
  }
}
