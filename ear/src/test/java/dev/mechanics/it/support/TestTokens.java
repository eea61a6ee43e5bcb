package dev.mechanics.it.support;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPrivateKeySpec;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Mints access tokens the way an attacker (or a clock) would: with the test server's real key but expired, with
 * another key, or with another algorithm. The real key is derived from this run's JWT_SECRET exactly as the
 * server's JwtKeys does, so a fresh token minted here is accepted (the control that makes the rest meaningful).
 */
public final class TestTokens {

  private static final BigInteger P256_ORDER =
      new BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);

  private TestTokens() {
  }

  public static String payloadOf(String token) {
    return new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
  }

  /** The payload of {@code token} with its times replaced by {@code issuedAt} and {@code expiresAt} (epoch s). */
  public static String withTimes(String token, long issuedAt, long expiresAt) {
    return payloadOf(token).replaceAll("\"iat\":\\d+", "\"iat\":" + issuedAt)
        .replaceAll("\"exp\":\\d+", "\"exp\":" + expiresAt);
  }

  public static String es256WithServerKey(String payload) throws Exception {
    return es256(payload, serverKey());
  }

  public static String es256WithOtherKey(String payload) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    return es256(payload, generator.generateKeyPair().getPrivate());
  }

  public static String rs256WithOtherKey(String payload) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    String input = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + b64(payload);
    Signature signature = Signature.getInstance("SHA256withRSA");
    signature.initSign(generator.generateKeyPair().getPrivate());
    signature.update(input.getBytes(StandardCharsets.US_ASCII));
    return input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
  }

  /** HS256 keyed with the secret itself: the "algorithm confusion" attack on servers that trust the header. */
  public static String hs256(String payload, byte[] key) throws Exception {
    String input = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + b64(payload);
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(
        input.getBytes(StandardCharsets.US_ASCII)));
  }

  public static String unsigned(String payload) {
    return b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + b64(payload) + ".";
  }

  private static String es256(String payload, PrivateKey key) throws Exception {
    String input = b64("{\"alg\":\"ES256\",\"typ\":\"JWT\"}") + "." + b64(payload);
    Signature signature = Signature.getInstance("SHA256withECDSAinP1363Format");
    signature.initSign(key);
    signature.update(input.getBytes(StandardCharsets.US_ASCII));
    return input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
  }

  private static PrivateKey serverKey() throws Exception {
    byte[] secret = Api.property("jwt.secret").getBytes(StandardCharsets.UTF_8);
    Mac mac = Mac.getInstance("HmacSHA512");
    mac.init(new SecretKeySpec(secret, "HmacSHA512"));
    byte[] seed = mac.doFinal("mechanics access-token signing key v1".getBytes(StandardCharsets.UTF_8));
    BigInteger d = new BigInteger(1, seed).mod(P256_ORDER.subtract(BigInteger.ONE)).add(BigInteger.ONE);
    AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
    parameters.init(new ECGenParameterSpec("secp256r1"));
    ECParameterSpec spec = parameters.getParameterSpec(ECParameterSpec.class);
    return KeyFactory.getInstance("EC").generatePrivate(new ECPrivateKeySpec(d, spec));
  }

  private static String b64(String text) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
