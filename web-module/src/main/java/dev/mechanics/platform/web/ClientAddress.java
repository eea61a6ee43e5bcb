package dev.mechanics.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The client's address for sign-in counting and rate limits. Behind App Service / Front Door the TCP peer is
 * the proxy, so with {@code TRUST_FORWARDED_FOR=true} the left-most {@code X-Forwarded-For} entry is used; off
 * by default because a client could otherwise choose its own address.
 */
@ApplicationScoped
public class ClientAddress {

  private static final Pattern ADDRESS = Pattern.compile("[0-9A-Fa-f:.\\[\\]]{2,45}");

  @Inject
  @ConfigProperty(name = "TRUST_FORWARDED_FOR", defaultValue = "false")
  boolean trustForwardedFor;

  public String of(HttpServletRequest request) {
    if (trustForwardedFor) {
      String forwarded = request.getHeader("X-Forwarded-For");
      if (forwarded != null) {
        String first = forwarded.split(",", 2)[0].strip();
        if (ADDRESS.matcher(first).matches()) {
          return first;
        }
      }
    }
    return request.getRemoteAddr();
  }
}
