package dev.mechanics.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The client's address for logs, sign-in counting and rate limits: the TCP peer, unless the peer is a trusted
 * proxy. {@code TRUSTED_PROXIES} lists them, comma-separated, as addresses or CIDR ranges, IPv4 and IPv6
 * ({@code 169.254.0.0/16,147.243.0.0/16,2a01:111:2050::/44}: App Service's front ends and Front Door's back
 * ends); {@code *} trusts any peer, for an app reachable only through its proxy. Then the client is the
 * right-most {@code X-Forwarded-For} entry that is not itself a trusted proxy: proxies append, so entries to
 * the left are whatever the client chose to send. Entries may carry a port ({@code 203.0.113.7:51234},
 * {@code [2001:db8::1]:443}); the address is kept without it, in one spelling, so each client has one budget.
 */
@ApplicationScoped
public class ClientAddress {

  public static final String VARIABLE = "TRUSTED_PROXIES";
  private static final Pattern IPV4_WITH_PORT = Pattern.compile("(\\d{1,3}(?:\\.\\d{1,3}){3}):\\d{1,5}");
  private static final Pattern BRACKETED = Pattern.compile("\\[([0-9A-Fa-f:.]+)\\](?::\\d{1,5})?");

  /** Peers told apart at once: the proxies in front, or the clients of a server reached directly. */
  private static final int PEERS_KEPT = 4096;

  private Proxies proxies = new Proxies(false, List.of(), null);
  /**
   * Each TCP peer's spelling and trust, worked out once: parsing it (regular expressions and an InetAddress) on
   * every request was 2 % of a request's CPU (issue 12), and a server sees the same few proxies all day.
   */
  private final Map<String, Peer> peers = new ConcurrentHashMap<>();

  @Inject
  void trustedProxies(@ConfigProperty(name = VARIABLE, defaultValue = " ") String setting) {
    proxies = Proxies.parse(setting);
  }

  /** Why TRUSTED_PROXIES cannot be used, or null (start-up stops on it). */
  public String problem() {
    return proxies.problem();
  }

  public String of(HttpServletRequest request) {
    String remote = request.getRemoteAddr();
    Peer peer = peers.get(remote);
    if (peer == null) {
      if (peers.size() >= PEERS_KEPT) {
        peers.clear(); // a server reached directly by many clients: start over rather than grow
      }
      peer = Peer.of(proxies, remote);
      peers.put(remote, peer);
    }
    return resolve(proxies, peer, request.getHeader("X-Forwarded-For"));
  }

  static String resolve(Proxies proxies, String peer, String forwardedFor) {
    return resolve(proxies, Peer.of(proxies, peer), forwardedFor);
  }

  private static String resolve(Proxies proxies, Peer peer, String forwardedFor) {
    String client = peer.address();
    if (!peer.trusted() || forwardedFor == null || forwardedFor.isBlank()) {
      return client;
    }
    String[] hops = forwardedFor.split(",");
    for (int i = hops.length - 1; i >= 0; i--) {
      Optional<String> hop = normalized(hops[i]);
      if (hop.isEmpty()) {
        // not an address ("unknown", an obfuscated name): whoever sent it is the last one we can name
        return client;
      }
      if (!proxies.trusts(hop.get())) {
        return hop.get();
      }
      client = hop.get();
    }
    return client;
  }

  /** An address from a peer or a forwarded-for entry, without its port, in Java's canonical spelling. */
  static Optional<String> normalized(String entry) {
    if (entry == null) {
      return Optional.empty();
    }
    String value = entry.strip();
    Matcher v4 = IPV4_WITH_PORT.matcher(value);
    Matcher bracketed = BRACKETED.matcher(value);
    if (v4.matches()) {
      value = v4.group(1);
    } else if (bracketed.matches()) {
      value = bracketed.group(1);
    }
    return IpRange.literal(value).map(InetAddress::getHostAddress);
  }

  /** A TCP peer: its address in one spelling, and whether it is a trusted proxy. */
  private record Peer(String address, boolean trusted) {

    static Peer of(Proxies proxies, String remote) {
      return new Peer(normalized(remote).orElse(remote), proxies.trusts(remote));
    }
  }

  /** The parsed TRUSTED_PROXIES. */
  record Proxies(boolean any, List<IpRange> ranges, String problem) {

    static Proxies parse(String setting) {
      List<IpRange> ranges = new ArrayList<>();
      boolean any = false;
      List<String> invalid = new ArrayList<>();
      for (String entry : setting == null ? new String[0] : setting.split(",")) {
        String value = entry.strip();
        if (value.isEmpty()) {
          continue;
        }
        if (value.equals("*")) {
          any = true;
          continue;
        }
        IpRange.parse(value).ifPresentOrElse(ranges::add, () -> invalid.add(value));
      }
      String problem = invalid.isEmpty() ? null : VARIABLE + " has " + invalid.size() + " entr"
          + (invalid.size() == 1 ? "y" : "ies") + " that are neither an IP address nor a CIDR range (such as "
          + "10.0.0.0/8 or 2a01:111:2050::/44)";
      return new Proxies(any, List.copyOf(ranges), problem);
    }

    boolean trusts(String address) {
      if (any) {
        return true;
      }
      Optional<InetAddress> parsed = IpRange.literal(address);
      return parsed.isPresent() && ranges.stream().anyMatch(r -> r.contains(parsed.get()));
    }
  }
}
