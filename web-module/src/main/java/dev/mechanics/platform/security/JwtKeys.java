package dev.mechanics.platform.security;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.util.Base64;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.math.ec.ECPoint;

/**
 * The access-token signing key pair (ES256), derived from {@code JWT_SECRET}.
 *
 * <p>Why a key pair from a secret: Liberty's MicroProfile JWT verifies tokens with a public key it reads from
 * MicroProfile Config ({@link JwtVerificationConfigSource}); deriving the pair deterministically lets every
 * instance that shares {@code JWT_SECRET} sign and verify the same tokens with nothing but that one secret.
 * Unset: a random secret for this run, with a warning (tokens die with the process). Shorter than 256 bits:
 * start-up stops naming the variable (see {@link #problem()}).
 */
public final class JwtKeys {

  public static final String VARIABLE = "JWT_SECRET";
  public static final int MIN_SECRET_BYTES = 32;
  public static final String ISSUER = "https://mechanics.dev";
  public static final String AUDIENCE = "mechanics-api";

  private static final Logger LOG = Logger.getLogger(JwtKeys.class.getName());
  private static final String CURVE = "secp256r1";
  private static volatile JwtKeys current;

  private final ECPrivateKey privateKey;
  private final ECPublicKey publicKey;
  private final String problem;

  private JwtKeys(ECPrivateKey privateKey, ECPublicKey publicKey, String problem) {
    this.privateKey = privateKey;
    this.publicKey = publicKey;
    this.problem = problem;
  }

  /** The keys of this process, from the environment's {@code JWT_SECRET}, computed once. */
  public static JwtKeys current() {
    JwtKeys keys = current;
    if (keys == null) {
      synchronized (JwtKeys.class) {
        if (current == null) {
          current = fromSecret(System.getenv(VARIABLE));
        }
        keys = current;
      }
    }
    return keys;
  }

  static JwtKeys fromSecret(String secret) {
    byte[] material;
    if (secret == null || secret.isEmpty()) {
      LOG.warning(VARIABLE + " is not set: generated a random signing key for this run only; access tokens "
          + "will not survive a restart or work across instances. Set " + VARIABLE + " (at least 32 bytes).");
      material = new byte[MIN_SECRET_BYTES];
      new SecureRandom().nextBytes(material);
    } else if (secret.startsWith("@Microsoft.KeyVault(")) {
      // App Service passes the reference text through when it cannot resolve it
      return new JwtKeys(null, null, VARIABLE + " is an unresolved Key Vault reference: check the app's identity "
          + "and the secret's name");
    } else {
      material = secret.getBytes(StandardCharsets.UTF_8);
      if (material.length < MIN_SECRET_BYTES) {
        return new JwtKeys(null, null, VARIABLE + " is too short: it has " + material.length * 8
            + " bits, at least 256 bits (32 bytes) are required");
      }
    }
    return derive(material);
  }

  private static JwtKeys derive(byte[] secret) {
    try {
      X9ECParameters curve = ECNamedCurveTable.getByName(CURVE);
      BigInteger n = curve.getN();
      Mac mac = Mac.getInstance("HmacSHA512");
      mac.init(new SecretKeySpec(secret, "HmacSHA512"));
      byte[] seed = mac.doFinal("mechanics access-token signing key v1".getBytes(StandardCharsets.UTF_8));
      BigInteger d = new BigInteger(1, seed).mod(n.subtract(BigInteger.ONE)).add(BigInteger.ONE);
      ECPoint q = curve.getG().multiply(d).normalize();

      AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
      parameters.init(new ECGenParameterSpec(CURVE));
      ECParameterSpec spec = parameters.getParameterSpec(ECParameterSpec.class);
      KeyFactory factory = KeyFactory.getInstance("EC");
      ECPrivateKey privateKey = (ECPrivateKey) factory.generatePrivate(new ECPrivateKeySpec(d, spec));
      ECPublicKey publicKey = (ECPublicKey) factory.generatePublic(new ECPublicKeySpec(
          new java.security.spec.ECPoint(q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger()),
          spec));
      return new JwtKeys(privateKey, publicKey, null);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot derive the token signing key", e);
    }
  }

  /** Why the configured secret cannot be used, or null when it can. */
  public String problem() {
    return problem;
  }

  public ECPrivateKey privateKey() {
    requireUsable();
    return privateKey;
  }

  public ECPublicKey publicKey() {
    requireUsable();
    return publicKey;
  }

  /** The public key as PEM, the form {@code mp.jwt.verify.publickey} takes. */
  public String publicKeyPem() {
    return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'})
        .encodeToString(publicKey().getEncoded()) + "\n-----END PUBLIC KEY-----";
  }

  private void requireUsable() {
    if (problem != null) {
      throw new IllegalStateException(problem);
    }
  }
}
