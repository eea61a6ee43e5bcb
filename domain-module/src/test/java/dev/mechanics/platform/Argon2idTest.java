package dev.mechanics.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import org.junit.jupiter.api.Test;

/**
 * Issue 15.9: the hashes of {@link Argon2id} are the same PHC strings password4j stored until now, both ways, so
 * no account loses its password with the change; a stored value it cannot check is a refusal, not an error.
 */
class Argon2idTest {

  private static final Argon2Function PASSWORD4J = Argon2Function.getInstance(19 * 1024, 2, 1, 32, Argon2.ID);
  private static final String PASSWORD = "Correct horse, ñandú 🐎 battery";

  @Test
  void aHashStoredByPassword4jStillVerifies() {
    String stored = Password.hash(PASSWORD).addRandomSalt(16).with(PASSWORD4J).getResult();

    assertThat(Argon2id.matches(PASSWORD, stored)).isTrue();
    assertThat(Argon2id.matches(PASSWORD + " ", stored)).isFalse();
  }

  @Test
  void aNewHashIsTheStandardFormatAndPassword4jVerifiesIt() {
    String hash = Argon2id.hash(PASSWORD, Argon2id.Cost.OWASP);

    assertThat(hash).matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
    assertThat(Password.check(PASSWORD, hash).with(PASSWORD4J)).isTrue();
    assertThat(Argon2id.matches(PASSWORD, hash)).isTrue();
    assertThat(Argon2id.matches("correct horse, ñandú 🐎 battery", hash)).isFalse();
    assertThat(Argon2id.hash(PASSWORD, Argon2id.Cost.OWASP)).as("a new salt every time").isNotEqualTo(hash);
  }

  @Test
  void theKeptWorkingMemoryGivesTheSameHashesAsFreshMemory() throws Exception {
    String fresh = Argon2id.hash(PASSWORD, Argon2id.Cost.OWASP);
    String[] onKeptMemory = new String[3];
    boolean[] verified = new boolean[3];
    onAHashingThread(() -> {
      for (int i = 0; i < 3; i++) {
        // the second and third hashes run on the blocks the first one left, cleared in between
        onKeptMemory[i] = Argon2id.hash(PASSWORD + i, Argon2id.Cost.OWASP);
        verified[i] = Argon2id.matches(PASSWORD, fresh);
      }
    });

    for (int i = 0; i < 3; i++) {
      assertThat(verified[i]).isTrue();
      assertThat(Password.check(PASSWORD + i, onKeptMemory[i]).with(PASSWORD4J)).isTrue();
    }
  }

  @Test
  void theWorkingMemoryIsKeptThroughABurstAndANewOneAfterTheCollectorTookIt() throws Exception {
    String fresh = Argon2id.hash(PASSWORD, Argon2id.Cost.OWASP);
    Object[] kept = new Object[3];
    boolean[] verified = new boolean[2];
    onAHashingThread(() -> {
      verified[0] = Argon2id.matches(PASSWORD, fresh);
      kept[0] = Argon2id.keptWorkingMemory();
      kept[1] = Argon2id.keptWorkingMemory();
      Argon2id.releaseKeptWorkingMemory();
      verified[1] = Argon2id.matches(PASSWORD, fresh);
      kept[2] = Argon2id.keptWorkingMemory();
    });

    assertThat(verified).containsExactly(true, true);
    assertThat(kept[0]).isNotNull().isSameAs(kept[1]);
    assertThat(kept[2]).as("a new one once the collector took the first").isNotNull().isNotSameAs(kept[0]);
    assertThat(Argon2id.keptWorkingMemory()).as("a thread that keeps none").isNull();
  }

  /** Runs the work on a thread that keeps its working memory, as the hashing pool's threads do. */
  private static void onAHashingThread(Runnable work) throws InterruptedException {
    Thread hasher = new Thread(() -> {
      Argon2id.keepWorkingMemoryOnThisThread();
      work.run();
    });
    hasher.start();
    hasher.join(60_000);
  }

  @Test
  void aStoredValueItCannotCheckIsARefusal() {
    String good = Argon2id.hash(PASSWORD, new Argon2id.Cost(64, 1, 1));
    assertThat(Argon2id.matches(PASSWORD, good)).as("cheaper costs of older hashes are read from the hash").isTrue();
    String[] parts = good.split("\\$");

    assertThat(Argon2id.matches(PASSWORD, null)).isFalse();
    assertThat(Argon2id.matches(PASSWORD, "")).isFalse();
    assertThat(Argon2id.matches(PASSWORD, "$2a$10$abcdefghijklmnopqrstuv")).as("bcrypt").isFalse();
    assertThat(Argon2id.matches(PASSWORD, good.replace("argon2id", "argon2i"))).isFalse();
    assertThat(Argon2id.matches(PASSWORD, good.replace("v=19", "v=16"))).isFalse();
    assertThat(Argon2id.matches(PASSWORD, good.replace("m=64", "m=4194304"))).as("4 GiB asked for").isFalse();
    assertThat(Argon2id.matches(PASSWORD, good.replace("t=1", "t=1000"))).isFalse();
    assertThat(Argon2id.matches(PASSWORD, good.replace("p=1", "p=0"))).isFalse();
    assertThat(Argon2id.matches(PASSWORD, good.replace(",t=1", ",,t=1"))).isFalse();
    assertThat(Argon2id.matches(PASSWORD, good.replace("m=64", "m=x"))).isFalse();
    assertThat(Argon2id.matches(PASSWORD, good.replace("m=64", "q=64"))).isFalse();
    assertThat(Argon2id.matches(PASSWORD, good.replace(parts[4], "!!notbase64!!"))).isFalse();
    assertThat(Argon2id.matches(PASSWORD, good + "$")).isFalse();
  }
}
