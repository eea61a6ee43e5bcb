package dev.mechanics.it.faults.support;

import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * {@code @ExtendWith(LogOnFailure.class)}: when a test fails, the console tail of every {@link ServerProcess} it
 * still holds is printed (the whole logs stay under target/faults/<name>), so a CI failure says why the server
 * did what it did.
 */
public final class LogOnFailure implements TestWatcher {

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    for (ServerProcess server : ServerProcess.CREATED) {
      System.out.println("==== " + server.name() + " (" + server.baseUrl() + "), last 150 console lines; all in "
          + server.consoleLog() + " and " + server.messagesLog() + " ====");
      System.out.println(server.tail(150));
    }
  }

  @Override
  public void testAborted(ExtensionContext context, Throwable cause) {
    testFailed(context, cause);
  }

  @Override
  public void testDisabled(ExtensionContext context, Optional<String> reason) {
  }
}
