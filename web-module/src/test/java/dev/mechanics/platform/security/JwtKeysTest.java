package dev.mechanics.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JwtKeysTest {

  private static final String SECRET = "0123456789abcdef0123456789abcdef";

  @Test
  void theSameSecretGivesTheSameKeyPairOnEveryInstance() {
    JwtKeys a = JwtKeys.fromSecret(SECRET);
    JwtKeys b = JwtKeys.fromSecret(SECRET);
    assertThat(a.publicKeyPem()).isEqualTo(b.publicKeyPem());
    assertThat(a.privateKey().getS()).isEqualTo(b.privateKey().getS());
    assertThat(JwtKeys.fromSecret(SECRET + "x").publicKeyPem()).isNotEqualTo(a.publicKeyPem());
  }

  @Test
  void aSecretShorterThan256BitsIsRefusedNamingTheVariableButNotTheValue() {
    JwtKeys keys = JwtKeys.fromSecret("too-short-secret");
    assertThat(keys.problem()).contains("JWT_SECRET").contains("256 bits").doesNotContain("too-short-secret");
  }

  @Test
  void anUnresolvedKeyVaultReferenceIsRefused() {
    assertThat(JwtKeys.fromSecret("@Microsoft.KeyVault(VaultName=kv;SecretName=jwt-secret-long-enough-to-pass)")
        .problem()).contains("JWT_SECRET").contains("Key Vault");
  }

  @Test
  void anUnsetSecretGivesARandomKeyForThisRun() {
    assertThat(JwtKeys.fromSecret(null).problem()).isNull();
    assertThat(JwtKeys.fromSecret(null).publicKeyPem()).isNotEqualTo(JwtKeys.fromSecret(null).publicKeyPem());
  }

  @Test
  void theDerivedKeysSignAndVerify() throws Exception {
    JwtKeys keys = JwtKeys.fromSecret(SECRET);
    java.security.Signature signer = java.security.Signature.getInstance("SHA256withECDSA");
    signer.initSign(keys.privateKey());
    signer.update("work order".getBytes());
    byte[] signature = signer.sign();
    java.security.Signature verifier = java.security.Signature.getInstance("SHA256withECDSA");
    verifier.initVerify(keys.publicKey());
    verifier.update("work order".getBytes());
    assertThat(verifier.verify(signature)).isTrue();
  }
}
