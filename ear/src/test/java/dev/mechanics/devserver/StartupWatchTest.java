package dev.mechanics.devserver;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Liberty's console lines as they came when a restart met data encrypted under another key. */
class StartupWatchTest {

  private static final String CONTEXT_FAILED = "{\"type\":\"liberty_message\",\"message\":\"SRVE0283E: Exception "
      + "caught while initializing context: java.lang.IllegalStateException: A value is encrypted under key 19d0edac, "
      + "which is neither ENCRYPTION_KEY nor one of ENCRYPTION_KEYS_RETIRED\\n\\tat dev.mechanics.platform.crypto."
      + "PersonalDataKeys.key(PersonalDataKeys.java:140)\\n\\tat dev.mechanics.platform.crypto.PersonalDataCipher."
      + "decrypt(PersonalDataCipher.java:56)\",\"ibm_messageId\":\"SRVE0283E\",\"loglevel\":\"SEVERE\"}";
  private static final String WEB_APP_FAILED = "{\"message\":\"CWWKZ0106E: Could not start web application "
      + "mechanics.\",\"ibm_messageId\":\"CWWKZ0106E\",\"loglevel\":\"ERROR\"}";
  private static final String APP_FAILED = "{\"message\":\"CWWKZ0002E: An exception occurred while starting the "
      + "application mechanics. The exception message was: com.ibm.ws.container.service.state.StateChangeException: "
      + "startWebApplication\",\"ibm_messageId\":\"CWWKZ0002E\",\"loglevel\":\"ERROR\"}";

  @Test
  void aFailedStartIsReportedWithItsFirstErrorInOneLine() {
    StartupWatch watch = new StartupWatch();
    watch.accept("Launching mechanics (Open Liberty 26.0.0.5) on OpenJDK 64-Bit Server VM");
    watch.accept("{\"message\":\"CWWKZ0018I: Starting application mechanics.\",\"ibm_messageId\":\"CWWKZ0018I\","
        + "\"loglevel\":\"INFO\"}");
    watch.accept(CONTEXT_FAILED);
    assertThat(watch.failure()).as("an error alone is not yet a failed start").isEmpty();
    watch.accept(WEB_APP_FAILED);
    watch.accept(APP_FAILED);

    assertThat(watch.failure()).contains("java.lang.IllegalStateException: A value is encrypted under key 19d0edac, "
        + "which is neither ENCRYPTION_KEY nor one of ENCRYPTION_KEYS_RETIRED");
    assertThat(watch.started()).isFalse();
  }

  @Test
  void aTakenPortIsAFailedStart() {
    StartupWatch watch = new StartupWatch();
    watch.accept("{\"message\":\"CWWKO0221E: TCP Channel defaultHttpEndpoint initialization did not succeed. The "
        + "socket bind did not succeed for host * and port 9080. The port might already be in use.\","
        + "\"ibm_messageId\":\"CWWKO0221E\",\"loglevel\":\"ERROR\"}");

    assertThat(watch.failure()).contains("TCP Channel defaultHttpEndpoint initialization did not succeed. The socket "
        + "bind did not succeed for host * and port 9080. The port might already be in use.");
  }

  @Test
  void theInnermostCauseIsTheOneShown() {
    assertThat(StartupWatch.cause("CWWKZ0004E: An exception occurred while starting the application mechanics.\n"
        + "java.lang.RuntimeException: wrapper\n\tat a.B.c(B.java:1)\nCaused by: org.postgresql.util.PSQLException: "
        + "Connection to localhost:54329 refused.\n\tat d.E.f(E.java:2)"))
        .isEqualTo("org.postgresql.util.PSQLException: Connection to localhost:54329 refused.");
  }

  @Test
  void aStartedApplicationIsNoticed() {
    StartupWatch watch = new StartupWatch();
    watch.accept("{\"message\":\"CWWKZ0001I: Application mechanics started in 31.2 seconds.\","
        + "\"ibm_messageId\":\"CWWKZ0001I\",\"loglevel\":\"AUDIT\"}");

    assertThat(watch.started()).isTrue();
    assertThat(watch.failure()).isEmpty();
  }
}
