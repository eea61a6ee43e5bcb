package dev.mechanics.platform.observability;

import java.lang.reflect.Method;

/**
 * Extra fields on this thread's log records. Liberty writes each one into its JSON log lines as
 * {@code ext_<name>} (its LogRecordContext API, part of the kernel). That API is not published to Maven Central,
 * so it is reached reflectively, in this one place; without it, fields are silently not added.
 */
public final class LogFields {

  private static final Method ADD;
  private static final Method REMOVE;

  static {
    Method add = null;
    Method remove = null;
    try {
      Class<?> context = Class.forName("com.ibm.websphere.logging.hpel.LogRecordContext");
      add = context.getMethod("addExtension", String.class, String.class);
      remove = context.getMethod("removeExtension", String.class);
    } catch (ReflectiveOperationException | LinkageError e) {
      // not on Liberty (unit tests): fields are a no-op
    }
    ADD = add;
    REMOVE = remove;
  }

  private LogFields() {
  }

  public static void put(String name, String value) {
    if (ADD != null && value != null) {
      try {
        ADD.invoke(null, name, value);
      } catch (ReflectiveOperationException e) {
        // logging must never break a request
      }
    }
  }

  public static void remove(String... names) {
    if (REMOVE != null) {
      for (String name : names) {
        try {
          REMOVE.invoke(null, name);
        } catch (ReflectiveOperationException e) {
          // logging must never break a request
        }
      }
    }
  }
}
