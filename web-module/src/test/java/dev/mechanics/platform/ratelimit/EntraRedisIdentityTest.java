package dev.mechanics.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenRequestContext;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import redis.clients.authentication.core.Token;

/** REDIS_AUTH=entra: what the Entra identity hands to Redis (the token is made here; no Azure involved). */
class EntraRedisIdentityTest {

  @Test
  void redisGetsTheObjectIdAsUserAndTheTokenAsPasswordForTheRedisScope() throws JOSEException {
    String objectId = "5f0a7c1e-3b2d-4e8f-9a61-0c2b7d4e9f10";
    String jwt = jwt(new JWTClaimsSet.Builder().claim("oid", objectId).audience("https://redis.azure.com").build());
    OffsetDateTime expiry = OffsetDateTime.now().plusHours(1);
    List<TokenRequestContext> asked = new ArrayList<>();
    EntraRedisIdentity identity = new EntraRedisIdentity(request -> {
      asked.add(request);
      return reactor.core.publisher.Mono.just(new AccessToken(jwt, expiry));
    });

    Token token = identity.requestToken();

    assertThat(asked).singleElement().satisfies(r -> assertThat(r.getScopes()).containsExactly("https://redis.azure.com/.default"));
    assertThat(token.getUser()).isEqualTo(objectId);
    assertThat(token.getValue()).isEqualTo(jwt);
    assertThat(token.getExpiresAt()).isEqualTo(expiry.toInstant().toEpochMilli());
    assertThat(token.isExpired()).isFalse();
  }

  @Test
  void aTokenWithoutObjectIdIsRefusedWithAClearMessage() throws JOSEException {
    String jwt = jwt(new JWTClaimsSet.Builder().subject("someone").build());
    assertThatThrownBy(() -> EntraRedisIdentity.objectId(jwt)).hasMessageContaining("no oid claim");
    assertThatThrownBy(() -> EntraRedisIdentity.objectId("not-a-jwt")).hasMessageContaining("not a JWT");
  }

  private static String jwt(JWTClaimsSet claims) throws JOSEException {
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
    jwt.sign(new MACSigner(new byte[32]));
    return jwt.serialize();
  }
}
