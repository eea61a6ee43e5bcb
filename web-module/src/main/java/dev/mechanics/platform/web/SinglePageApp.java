package dev.mechanics.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Serves the single-page app (docs/ui.md, docs/adr/0043):
 * <ul>
 *   <li>a page navigation to any path of the app ({@code /board}, {@code /work-orders/…}, {@code /approvals/…})
 *       answers {@code index.html}, so deep links and reloads work; the API, Liberty's routes and files are
 *       untouched;</li>
 *   <li>the page carries {@link #CSP} and {@code no-cache}; it loads the app's modules from
 *       {@code /_app/<content hash>/…}, which answers the file under {@code /app/} and may be cached for a year
 *       (browsers and Front Door): a changed file changes the hash, so the next page load asks for new paths;</li>
 *   <li>Lit, from its jar under {@code /_static/<name>/<version>/}, is cached for a year as well.</li>
 * </ul>
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SinglePageApp extends HttpFilter {

  private static final long serialVersionUID = 1L;

  /**
   * The page's policy. The one inline script is the import map, allowed by its hash; {@code SinglePageAppTest}
   * fails when index.html's map changes and this hash does not.
   */
  public static final String CSP = "default-src 'none'; "
      + "script-src 'self' 'sha256-c+YOlvsDzOYsWgg2qqRyV7S0AjZMwrrxW31uKrTper4='; "
      + "style-src 'self'; img-src 'self' blob: data:; font-src 'self'; connect-src 'self'; "
      + "manifest-src 'self'; base-uri 'none'; form-action 'self'; object-src 'none'; frame-ancestors 'none'";
  static final String LONG_CACHE = "public, max-age=31536000, immutable";
  static final String VERSION_MARK = "@APP_VERSION@";
  /** Paths the app never claims: the API, Liberty's own routes, files. */
  private static final List<String> NOT_THE_APP = List.of("/api/", "/_static/", "/_app/", "/app/", "/openapi",
      "/health", "/metrics", "/error", "/ibm/", "/IBMJMXConnectorREST", "/WEB-INF", "/META-INF");

  private static final Pattern FILE_NAME = Pattern.compile(
      ".*\\.(ico|js|mjs|css|map|png|svg|jpe?g|gif|webp|json|txt|xml|html?|pdf|woff2?|webmanifest)",
      Pattern.CASE_INSENSITIVE);

  private volatile String page;
  private volatile String version;

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
    if (read && path.startsWith("/_app/")) {
      int slash = path.indexOf('/', "/_app/".length());
      if (slash > 0) {
        response.setHeader("Cache-Control", LONG_CACHE);
        request.getRequestDispatcher("/app" + path.substring(slash)).forward(request, response);
        return;
      }
    }
    if (read && path.startsWith("/_static/")) {
      response.setHeader("Cache-Control", LONG_CACHE);
    } else if (read && path.startsWith("/app/")) {
      response.setHeader("Cache-Control", "no-cache");
    }
    if (read && isPageNavigation(path, request.getHeader("Accept"))) {
      servePage(response, "HEAD".equals(request.getMethod()));
      return;
    }
    chain.doFilter(request, response);
  }

  /** A browser asking for a page of the app: HTML accepted, not a reserved prefix, not a file name. */
  static boolean isPageNavigation(String path, String accept) {
    if (accept == null || !accept.contains("text/html")) {
      return false;
    }
    if (path.equals("/") || path.equals("/index.html")) {
      return true;
    }
    if (NOT_THE_APP.stream().anyMatch(path::startsWith) || path.contains("..")) {
      return false;
    }
    // a file name, not a page (tokens in links contain dots too: /approvals/<payload>.<signature>)
    return !FILE_NAME.matcher(path.substring(path.lastIndexOf('/') + 1)).matches();
  }

  private void servePage(HttpServletResponse response, boolean headOnly) throws IOException {
    byte[] body = page().getBytes(StandardCharsets.UTF_8);
    response.setStatus(200);
    response.setContentType("text/html;charset=UTF-8");
    response.setHeader("Content-Security-Policy", CSP);
    response.setHeader("Cache-Control", "no-cache");
    response.setHeader("X-Frame-Options", "DENY");
    response.setContentLength(body.length);
    if (!headOnly) {
      response.getOutputStream().write(body);
    }
  }

  private String page() {
    if (page == null) {
      ServletContext context = getServletContext();
      page = read(context, "/index.html").replace(VERSION_MARK, version());
    }
    return page;
  }

  /** The content hash of every file under /app/: the versioned path segment. */
  String version() {
    if (version == null) {
      ServletContext context = getServletContext();
      Set<String> files = new TreeSet<>();
      Deque<String> folders = new ArrayDeque<>(List.of("/app/"));
      while (!folders.isEmpty()) {
        Set<String> entries = context.getResourcePaths(folders.pop());
        for (String entry : entries == null ? Set.<String>of() : entries) {
          if (entry.endsWith("/")) {
            folders.push(entry);
          } else {
            files.add(entry);
          }
        }
      }
      try {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        for (String file : files) {
          digest.update(file.getBytes(StandardCharsets.UTF_8));
          try (InputStream in = context.getResourceAsStream(file)) {
            digest.update(in.readAllBytes());
          }
        }
        version = HexFormat.of().formatHex(digest.digest()).substring(0, 12);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return version;
  }

  private static String read(ServletContext context, String path) {
    try (InputStream in = context.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(path + " is missing from the web module");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
