package dev.mechanics.platform.observability;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The client's address: the connection's peer, unless that peer is one of the configured proxies
 * ({@code TRUSTED_PROXIES}, comma-separated addresses), in which case the right-most address of
 * {@code X-Forwarded-For} that is not itself a trusted proxy. A client cannot spoof its address by sending the
 * header directly.
 */
public final class ClientAddress {

  private final Set<String> trustedProxies;

  public ClientAddress(String trustedProxies) {
    this.trustedProxies = trustedProxies == null ? Set.of() : Arrays.stream(trustedProxies.split(","))
        .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
  }

  public String resolve(String peer, String forwardedFor) {
    if (!trustedProxies.contains(peer) || forwardedFor == null || forwardedFor.isBlank()) {
      return peer;
    }
    String[] hops = forwardedFor.split(",");
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = hops[i].trim();
      if (!hop.isEmpty() && !trustedProxies.contains(hop)) {
        return hop.length() > 64 ? hop.substring(0, 64) : hop;
      }
    }
    return peer;
  }
}
