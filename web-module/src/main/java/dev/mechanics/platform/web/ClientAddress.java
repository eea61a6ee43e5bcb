package dev.mechanics.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The client's address for logs, sign-in counting and rate limits: the TCP peer, unless the peer is a configured
 * proxy ({@code TRUSTED_PROXIES}, comma-separated addresses; {@code *} trusts any peer, for an app reachable only
 * through its proxy). Then it is the right-most {@code X-Forwarded-For} entry that is not itself a listed proxy:
 * proxies append, so entries to the left are whatever the client chose to send.
 */
@ApplicationScoped
public class ClientAddress {

  private static final Pattern ADDRESS = Pattern.compile("[0-9A-Fa-f:.\\[\\]]{2,45}");

  @Inject
  @ConfigProperty(name = "TRUSTED_PROXIES", defaultValue = " ")
  String trustedProxies;

  public String of(HttpServletRequest request) {
    return resolve(trustedProxies, request.getRemoteAddr(), request.getHeader("X-Forwarded-For"));
  }

  static String resolve(String trustedProxies, String peer, String forwardedFor) {
    Set<String> proxies = trustedProxies == null ? Set.of() : Arrays.stream(trustedProxies.split(","))
        .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
    boolean peerIsProxy = proxies.contains("*") || proxies.contains(peer);
    if (!peerIsProxy || forwardedFor == null || forwardedFor.isBlank()) {
      return peer;
    }
    String[] hops = forwardedFor.split(",");
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = hops[i].strip();
      if (!proxies.contains(hop)) {
        return ADDRESS.matcher(hop).matches() ? hop : peer;
      }
    }
    return peer;
  }
}
