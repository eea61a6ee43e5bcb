package dev.mechanics.platform.observability;

import dev.mechanics.platform.Ids;
import dev.mechanics.platform.StatementCounter;
import dev.mechanics.platform.web.AuthenticationFilter;
import dev.mechanics.platform.web.ClientAddress;
import dev.mechanics.platform.web.RequestContext;
import dev.mechanics.tenancy.Caller;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Gives every request an id ({@code X-Request-Id}: the caller's when it is a plain token, else a new one) that
 * every log line of the request carries, and writes one access line per request: method, path (never the query,
 * which can hold a phone number), status, duration, user agent, client address, user and shop. Values go into
 * JSON fields ({@code ext_*}), never into free text, so nothing is parsed back out of messages. The record also
 * carries the number of SQL statements the request prepared ({@code ext_statements}), and is written by
 * {@link AccessLog}'s own thread, off the request's path.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class RequestLoggingFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;
  private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{8,100}");
  private static final Pattern SHOP_IN_PATH = Pattern.compile("/shops/([0-9a-fA-F-]{36})");
  private static final String[] FIELDS = {"requestId", "service", "version", "method", "path", "status",
      "durationMs", "userAgent", "clientIp", "userId", "organizationId", "shopId", "statements"};
  /** What the request's own log lines carry while it runs; the access record has all of {@link #FIELDS}. */
  private static final String[] REQUEST_FIELDS = {"requestId", "service", "version"};

  @Inject
  @ConfigProperty(name = "APP_VERSION", defaultValue = "dev")
  String version;

  @Inject
  ClientAddress clientAddress;

  @Inject
  AccessLog accessLog;

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    long start = System.nanoTime();
    String given = request.getHeader(RequestContext.REQUEST_ID_HEADER);
    String requestId = given != null && SAFE_ID.matcher(given).matches() ? given : Ids.newId().toString();
    request.setAttribute(RequestContext.REQUEST_ID, requestId);
    response.setHeader(RequestContext.REQUEST_ID_HEADER, requestId);
    LogFields.put("requestId", requestId);
    LogFields.put("service", "mechanics");
    LogFields.put("version", version);
    StatementCounter.Tally statements = StatementCounter.start();
    try {
      chain.doFilter(request, response);
    } finally {
      int count = statements.stop();
      LogFields.remove(REQUEST_FIELDS);
      logAccess(request, response, start, requestId, count);
    }
  }

  /** Signed links are credentials (an invitation sets a password): the log keeps the route, not the token. */
  static String withoutLinkTokens(String path) {
    return path == null ? null : LINK_TOKEN.matcher(path).replaceAll("/$1/{token}");
  }

  private static final Pattern LINK_TOKEN =
      Pattern.compile("/(invitations|approvals|email-verifications)/[^/]+");

  private void logAccess(HttpServletRequest request, HttpServletResponse response, long start, String requestId,
                         int statements) {
    String[] values = new String[FIELDS.length];
    values[0] = requestId;
    values[1] = "mechanics";
    values[2] = version;
    values[3] = request.getMethod();
    values[4] = truncate(withoutLinkTokens(request.getRequestURI()), 300);
    values[5] = Integer.toString(response.getStatus());
    values[6] = Long.toString((System.nanoTime() - start) / 1_000_000);
    values[7] = truncate(request.getHeader("User-Agent"), 200);
    values[8] = clientAddress.of(request);
    if (request.getAttribute(AuthenticationFilter.CALLER) instanceof Caller caller) {
      values[9] = caller.userId().toString();
      values[10] = caller.organizationId().toString();
    }
    values[11] = shopOf(request);
    values[12] = Integer.toString(statements);
    accessLog.record(new AccessLog.Entry(FIELDS, values));
  }

  private static String shopOf(HttpServletRequest request) {
    String shop = request.getParameter("shopId");
    if (shop == null) {
      Matcher m = SHOP_IN_PATH.matcher(request.getRequestURI());
      shop = m.find() ? m.group(1) : null;
    }
    return shop == null ? null : Ids.parse(shop).map(Object::toString).orElse(null);
  }

  /** Compiled once: String.replaceAll compiles its pattern on every call, twice a request (issue 12). */
  private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

  private static String truncate(String value, int max) {
    if (value == null) {
      return null;
    }
    String clean = CONTROL.matcher(value).replaceAll("?");
    return clean.length() > max ? clean.substring(0, max) : clean;
  }
}
