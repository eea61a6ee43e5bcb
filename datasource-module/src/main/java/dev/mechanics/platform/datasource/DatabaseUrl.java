package dev.mechanics.platform.datasource;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The parsed form of {@code DATABASE_URL}: {@code postgresql://user:pass@host:5432/db?sslmode=require}
 * ({@code postgres://} and {@code jdbc:postgresql://} are accepted too).
 *
 * <p>Errors name the variable but never echo the value, which may hold a password.
 */
public record DatabaseUrl(String host, int port, String database, String user, String password,
                          Map<String, String> parameters) {

  static final String VARIABLE = "DATABASE_URL";
  /** server.xml's default: an unset variable must fail loudly, never fall back to a local database. */
  static final String NOT_SET = "not-set";
  private static final Set<String> SCHEMES = Set.of("postgresql", "postgres");

  public static DatabaseUrl parse(String value) {
    if (value == null || value.isBlank() || value.startsWith("${") || NOT_SET.equals(value)) {
      throw new IllegalArgumentException(VARIABLE + " is not set: expected postgresql://user:password@host:5432/database");
    }
    String text = value.trim();
    if (text.startsWith("jdbc:")) {
      text = text.substring("jdbc:".length());
    }
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw invalid("it is not a valid URL (" + e.getReason() + ")");
    }
    if (uri.getScheme() == null || !SCHEMES.contains(uri.getScheme().toLowerCase())) {
      throw invalid("the scheme must be postgresql://");
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      throw invalid("it names no host");
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    String database = decode(path.startsWith("/") ? path.substring(1) : path);
    if (database.isBlank() || database.contains("/")) {
      throw invalid("it names no database (postgresql://host:5432/<database>)");
    }
    String user = null;
    String password = null;
    if (uri.getRawUserInfo() != null) {
      String[] parts = uri.getRawUserInfo().split(":", 2);
      user = decode(parts[0]);
      password = parts.length > 1 ? decode(parts[1]) : null;
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    if (uri.getRawQuery() != null) {
      for (String pair : uri.getRawQuery().split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        String[] kv = pair.split("=", 2);
        parameters.put(decode(kv[0]), kv.length > 1 ? decode(kv[1]) : "");
      }
    }
    // user/password given as query parameters (JDBC style) are honoured too
    if (user == null) {
      user = parameters.remove("user");
    }
    if (password == null) {
      password = parameters.remove("password");
    }
    int port = uri.getPort() == -1 ? 5432 : uri.getPort();
    return new DatabaseUrl(uri.getHost(), port, database, user, password, Map.copyOf(parameters));
  }

  /** The JDBC URL without credentials; they are passed as properties so they never appear in logs. */
  public String jdbcUrl() {
    StringBuilder url = new StringBuilder("jdbc:postgresql://").append(hostForUrl()).append(':').append(port)
        .append('/').append(database);
    char separator = '?';
    for (Map.Entry<String, String> p : parameters.entrySet()) {
      url.append(separator).append(p.getKey()).append('=').append(p.getValue());
      separator = '&';
    }
    return url.toString();
  }

  private String hostForUrl() {
    return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
  }

  @Override
  public String toString() {
    return "DatabaseUrl[" + host + ":" + port + "/" + database + ", user=" + user + "]";
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  private static IllegalArgumentException invalid(String why) {
    return new IllegalArgumentException(VARIABLE + " is invalid: " + why);
  }
}
