package dev.mechanics.platform.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 address range in CIDR notation ({@code 147.243.0.0/16}, {@code 2a01:111:2050::/44}), or a
 * single address (a /32 or /128). Parsing never asks DNS: only literal addresses are accepted.
 */
public record IpRange(byte[] network, int prefixLength) {

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  /** The range {@code text} names, or empty when it is not a literal address or CIDR range. */
  public static Optional<IpRange> parse(String text) {
    String value = text.strip();
    int slash = value.indexOf('/');
    Optional<InetAddress> address = literal(slash < 0 ? value : value.substring(0, slash));
    if (address.isEmpty()) {
      return Optional.empty();
    }
    byte[] bytes = address.get().getAddress();
    int bits = bytes.length * 8;
    int prefix = bits;
    if (slash >= 0) {
      String length = value.substring(slash + 1);
      if (!length.matches("\\d{1,3}") || Integer.parseInt(length) > bits) {
        return Optional.empty();
      }
      prefix = Integer.parseInt(length);
    }
    return Optional.of(new IpRange(bytes, prefix));
  }

  /**
   * A literal IPv4 or IPv6 address (brackets allowed around IPv6), without asking DNS; an IPv4-mapped IPv6
   * address comes back as the IPv4 address.
   */
  public static Optional<InetAddress> literal(String text) {
    String value = text.strip();
    if (value.startsWith("[") && value.endsWith("]")) {
      value = value.substring(1, value.length() - 1);
    }
    if (!IPV4.matcher(value).matches() && !IPV6.matcher(value).matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(InetAddress.getByName(value));
    } catch (UnknownHostException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  public boolean contains(InetAddress address) {
    byte[] candidate = address.getAddress();
    if (candidate.length != network.length) {
      return false;
    }
    int whole = prefixLength / 8;
    for (int i = 0; i < whole; i++) {
      if (candidate[i] != network[i]) {
        return false;
      }
    }
    int rest = prefixLength % 8;
    if (rest == 0) {
      return true;
    }
    int mask = 0xff << (8 - rest) & 0xff;
    return (candidate[whole] & mask) == (network[whole] & mask);
  }
}
