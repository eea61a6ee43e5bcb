package dev.mechanics.devserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Liberty's console (JSON lines, server.xml's consoleFormat) while the server starts and tells when the
 * application failed, and why in one line: Liberty itself keeps running and reports "started" even then.
 */
final class StartupWatch {

  /** The application did not start (CWWKZ0002E, 0004E, 0106E), or the HTTP port was taken (CWWKO0221E). */
  private static final Set<String> FATAL = Set.of("CWWKZ0002E", "CWWKZ0004E", "CWWKZ0106E", "CWWKO0221E");
  private static final Pattern EXCEPTION = Pattern.compile("([\\w$]+\\.)+[\\w$]*(Exception|Error)\\b.*");
  private static final Pattern MESSAGE_ID = Pattern.compile("^[A-Z]{4,5}\\d{4}[EWI]: ");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** CWWKZ0001I / CWWKZ0003I: an application started (or was updated). */
  private static final Set<String> STARTED = Set.of("CWWKZ0001I", "CWWKZ0003I");

  private String firstError;
  private volatile String failure;
  private volatile boolean started;

  /** Feeds one console line. */
  synchronized void accept(String line) {
    if (failure != null || !line.startsWith("{")) {
      return;
    }
    JsonNode entry;
    try {
      entry = JSON.readTree(line);
    } catch (IOException e) {
      return;
    }
    String level = entry.path("loglevel").asText();
    String message = entry.path("message").asText();
    if (STARTED.contains(entry.path("ibm_messageId").asText())) {
      started = true;
    }
    if (!level.equals("SEVERE") && !level.equals("ERROR") && !level.equals("FATAL")) {
      return;
    }
    if (firstError == null) {
      firstError = message;
    }
    if (FATAL.contains(entry.path("ibm_messageId").asText())) {
      // the first error names the cause; the fatal message itself only says that the start failed
      failure = cause(firstError);
    }
  }

  /** Whether the application reported that it started (it may still be not ready). */
  boolean started() {
    return started;
  }

  /** Why the server cannot serve the application, once that is known. */
  Optional<String> failure() {
    return Optional.ofNullable(failure);
  }

  /**
   * One line out of a Liberty message that may carry a stack trace: the innermost "Caused by", else the first
   * line; from the exception's name on when there is one, else without the message id.
   */
  static String cause(String message) {
    String[] lines = message.split("\\R");
    String line = lines[0];
    for (String l : lines) {
      if (l.startsWith("Caused by: ")) {
        line = l.substring("Caused by: ".length());
      }
    }
    Matcher exception = EXCEPTION.matcher(line);
    String cause = exception.find() ? exception.group() : MESSAGE_ID.matcher(line).replaceFirst("");
    return cause.length() > 400 ? cause.substring(0, 400) + "..." : cause.strip();
  }
}
