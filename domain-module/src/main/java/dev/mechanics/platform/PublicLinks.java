package dev.mechanics.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Builds every link the application hands out of a session (mailed approval, invitation and verification links,
 * download and report links) from {@code PUBLIC_BASE_URL}: the address customers and staff reach, the Front
 * Door host or the custom domain. Never from the Host a request came with: behind Front Door that is the
 * internal {@code …azurewebsites.net} name, which the access rules deny, and a client can send any Host it
 * likes (issue 15.8). Mail texts call {@link #page} for a screen of the web app and {@link #api} for an API
 * address.
 *
 * <p>Without {@code PUBLIC_BASE_URL} (the run command, the tests) links use the address the current request
 * came to, bound by the web layer, else {@code http://localhost:<PORT>/}. In production the variable is
 * required (start-up stops without it).
 */
@ApplicationScoped
public class PublicLinks {

  public static final String VARIABLE = "PUBLIC_BASE_URL";
  private static final String API = "api/v1";
  private static final ThreadLocal<URI> REQUEST_ROOT = new ThreadLocal<>();

  @Inject
  @ConfigProperty(name = VARIABLE)
  Optional<String> configured;

  @Inject
  @ConfigProperty(name = "PORT", defaultValue = "9080")
  String port;

  /** The web layer binds the root the current request came to; used only when PUBLIC_BASE_URL is unset. */
  public static void bindRequestRoot(URI root) {
    REQUEST_ROOT.set(root);
  }

  /** The application's root for the API's base address ({@code http://host:port/api/v1/}). */
  public static URI rootOf(URI apiBase) {
    String base = withSlash(apiBase).toString();
    return URI.create(base.endsWith(API + "/") ? base.substring(0, base.length() - API.length() - 1) : base);
  }

  public static void clearRequestRoot() {
    REQUEST_ROOT.remove();
  }

  /** The application's public root, ending in {@code /}. */
  public URI root() {
    Optional<String> base = configured.map(String::strip).filter(s -> !s.isEmpty());
    if (base.isPresent()) {
      return withSlash(URI.create(base.get()));
    }
    URI request = REQUEST_ROOT.get();
    return request != null ? withSlash(request) : URI.create("http://localhost:" + port + "/");
  }

  /** A screen of the web app: {@code page("approvals", token)} is {@code https://<public host>/approvals/<token>}. */
  public String page(String... segments) {
    return root() + path(segments);
  }

  /** An API address: {@code api("invitations", token)} is {@code https://<public host>/api/v1/invitations/<token>}. */
  public String api(String... segments) {
    return root() + API + "/" + path(segments);
  }

  /**
   * Why {@code value} cannot be the public base URL, or null: an absolute http(s) URL with a host and no query
   * or fragment; https in production (browsers and mail clients reach it over the internet).
   */
  public static String problem(String value, boolean production) {
    URI uri;
    try {
      uri = new URI(value.strip());
    } catch (URISyntaxException e) {
      return VARIABLE + " is not a URL";
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
      return VARIABLE + " must be an absolute URL such as https://shop.example.com";
    }
    if (production && !scheme.equals("https")) {
      return VARIABLE + " must be an https URL in production";
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      return VARIABLE + " must not carry a query or a fragment";
    }
    return null;
  }

  private static URI withSlash(URI uri) {
    return uri.toString().endsWith("/") ? uri : URI.create(uri + "/");
  }

  /** Path segments percent-encoded (tokens are base64url already and pass unchanged). */
  private static String path(String... segments) {
    StringBuilder path = new StringBuilder();
    for (String segment : segments) {
      if (path.length() > 0) {
        path.append('/');
      }
      for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
        char c = (char) (b & 0xff);
        if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0)) {
          path.append(c);
        } else {
          path.append('%').append(String.format("%02X", b & 0xff));
        }
      }
    }
    return path.toString();
  }
}
