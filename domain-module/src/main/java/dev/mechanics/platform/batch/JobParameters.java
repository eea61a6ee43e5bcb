package dev.mechanics.platform.batch;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/** Job parameters as stored in a schedule row: {@code key=value} lines (values never contain line breaks). */
public final class JobParameters {

  private JobParameters() {
  }

  public static String format(Map<String, String> parameters) {
    return parameters == null ? "" : parameters.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue().replace('\n', ' ')).collect(Collectors.joining("\n"));
  }

  public static Map<String, String> parse(String text) {
    Map<String, String> map = new LinkedHashMap<>();
    if (text == null || text.isBlank()) {
      return map;
    }
    for (String line : text.split("\n")) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        map.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    return map;
  }

  public static Properties properties(Map<String, String> parameters) {
    Properties p = new Properties();
    if (parameters != null) {
      parameters.forEach(p::setProperty);
    }
    return p;
  }
}
