package dev.mechanics.platform.ratelimit;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.nimbusds.jwt.JWTParser;
import java.text.ParseException;
import java.util.Map;
import redis.clients.authentication.core.IdentityProvider;
import redis.clients.authentication.core.SimpleToken;
import redis.clients.authentication.core.Token;
import redis.clients.authentication.core.TokenAuthConfig;
import redis.clients.jedis.authentication.AuthXManager;

/**
 * Microsoft Entra sign-in to Azure Managed Redis ({@code REDIS_AUTH=entra}): the app's managed identity
 * (DefaultAzureCredential; {@code AZURE_CLIENT_ID} picks the user-assigned one) gets a token for Redis, the
 * connection authenticates with the identity's object id as user name and the token as password, and Jedis's
 * AuthX manager re-authenticates every pooled connection with a new token before the old one expires.
 */
public final class EntraRedisIdentity implements IdentityProvider {

  static final String SCOPE = "https://redis.azure.com/.default";

  private final TokenCredential credential;

  EntraRedisIdentity(TokenCredential credential) {
    this.credential = credential;
  }

  /** Renewal at three quarters of a token's lifetime, so a connection never carries an expired token. */
  public static AuthXManager authentication() {
    EntraRedisIdentity identity = new EntraRedisIdentity(
        new DefaultAzureCredentialBuilder().httpClient(new JdkHttpClientBuilder().build()).build());
    return new AuthXManager(TokenAuthConfig.builder().identityProviderConfig(() -> identity)
        .expirationRefreshRatio(0.75f).lowerRefreshBoundMillis(60_000).build());
  }

  @Override
  public Token requestToken() {
    AccessToken token = credential.getTokenSync(new TokenRequestContext().addScopes(SCOPE));
    String objectId = objectId(token.getToken());
    return new SimpleToken(objectId, token.getToken(), token.getExpiresAt().toInstant().toEpochMilli(),
        System.currentTimeMillis(), Map.of("oid", objectId));
  }

  /** Redis knows the identity by its object id, the token's {@code oid} claim. */
  static String objectId(String accessToken) {
    try {
      Object oid = JWTParser.parse(accessToken).getJWTClaimsSet().getClaim("oid");
      if (oid == null) {
        throw new IllegalStateException("the Entra token for Redis has no oid claim");
      }
      return oid.toString();
    } catch (ParseException e) {
      throw new IllegalStateException("the Entra token for Redis is not a JWT", e);
    }
  }
}
