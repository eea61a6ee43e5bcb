package dev.mechanics.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** Issue 15.2: TRUSTED_PROXIES as Azure forwards (CIDR ranges, IPv4 and IPv6), X-Forwarded-For with ports. */
class ClientAddressTest {

  /** What the templates set: App Service's front ends, then Front Door's back ends. */
  private static final ClientAddress.Proxies AZURE = ClientAddress.Proxies.parse(
      "169.254.0.0/16,10.0.0.0/8,147.243.0.0/16,2a01:111:2050::/44");

  @Test
  void twoClientsBehindTheSameFrontDoorAreTwoClients() {
    String frontEnd = "169.254.129.3";
    assertThat(ClientAddress.resolve(AZURE, frontEnd, "203.0.113.10:51234, 147.243.12.7"))
        .isEqualTo("203.0.113.10");
    assertThat(ClientAddress.resolve(AZURE, frontEnd, "198.51.100.20, 147.243.200.1:443"))
        .isEqualTo("198.51.100.20");
    assertThat(ClientAddress.resolve(AZURE, frontEnd, "[2001:db8::1]:443, [2a01:111:2050:1::5]:8080"))
        .isEqualTo("2001:db8:0:0:0:0:0:1");
  }

  @Test
  void whatTheClientWroteLeftOfTheProxiesIsIgnored() {
    assertThat(ClientAddress.resolve(AZURE, "169.254.0.9", "1.1.1.1, 203.0.113.10, 147.243.1.1"))
        .isEqualTo("203.0.113.10");
  }

  @Test
  void anUntrustedPeerIsTheClientWhateverItForwards() {
    assertThat(ClientAddress.resolve(AZURE, "203.0.113.99", "147.243.1.1, 1.2.3.4")).isEqualTo("203.0.113.99");
    assertThat(ClientAddress.resolve(ClientAddress.Proxies.parse(" "), "10.1.1.1", "1.2.3.4")).isEqualTo("10.1.1.1");
  }

  @Test
  void anEntryThatIsNoAddressStopsTheWalkAtTheLastOneNamed() {
    assertThat(ClientAddress.resolve(AZURE, "169.254.0.9", "unknown, 147.243.1.1")).isEqualTo("147.243.1.1");
    assertThat(ClientAddress.resolve(AZURE, "169.254.0.9", "evil.example.com")).isEqualTo("169.254.0.9");
  }

  @Test
  void oneClientHasOneSpellingSoOneBudget() {
    assertThat(ClientAddress.normalized("2001:DB8:0::1")).contains("2001:db8:0:0:0:0:0:1");
    assertThat(ClientAddress.normalized("[2001:db8::1]")).contains("2001:db8:0:0:0:0:0:1");
    assertThat(ClientAddress.normalized(" 203.0.113.7:65535 ")).contains("203.0.113.7");
    assertThat(ClientAddress.normalized("localhost")).isEmpty();
  }

  @Test
  void rangesMatchOnTheirPrefixOnly() throws Exception {
    IpRange frontDoor = IpRange.parse("2a01:111:2050::/44").orElseThrow();
    assertThat(frontDoor.contains(InetAddress.getByName("2a01:111:205f:ffff::1"))).isTrue();
    assertThat(frontDoor.contains(InetAddress.getByName("2a01:111:2060::1"))).isFalse();
    assertThat(frontDoor.contains(InetAddress.getByName("147.243.0.1"))).isFalse();
    IpRange v4 = IpRange.parse("147.243.0.0/16").orElseThrow();
    assertThat(v4.contains(InetAddress.getByName("147.243.255.255"))).isTrue();
    assertThat(v4.contains(InetAddress.getByName("147.244.0.0"))).isFalse();
    assertThat(IpRange.parse("10.0.0.1").orElseThrow().contains(InetAddress.getByName("10.0.0.2"))).isFalse();
  }

  @Test
  void eachRequestIsReadForItselfThoughItsPeerIsWorkedOutOnce() {
    ClientAddress address = new ClientAddress();
    address.trustedProxies("169.254.0.0/16,2a01:111:2050::/44");
    assertThat(address.of(request("169.254.0.9", "203.0.113.10"))).isEqualTo("203.0.113.10");
    assertThat(address.of(request("169.254.0.9", "198.51.100.20:443"))).isEqualTo("198.51.100.20");
    assertThat(address.of(request("169.254.0.9", null))).isEqualTo("169.254.0.9");
    assertThat(address.of(request("203.0.113.99", "1.2.3.4"))).as("a peer that is no proxy").isEqualTo("203.0.113.99");
    assertThat(address.of(request("2a01:111:2050:0:0:0:0:5", "2001:DB8::1"))).isEqualTo("2001:db8:0:0:0:0:0:1");
    for (int i = 0; i < 5000; i++) { // more peers than it keeps: it starts over and still answers each
      String client = "198.51." + (i / 256) + "." + (i % 256);
      assertThat(address.of(request(client, "1.2.3.4"))).isEqualTo(client);
    }
    assertThat(address.of(request("169.254.0.9", "203.0.113.11"))).isEqualTo("203.0.113.11");
  }

  private static HttpServletRequest request(String peer, String forwardedFor) {
    return (HttpServletRequest) Proxy.newProxyInstance(ClientAddressTest.class.getClassLoader(),
        new Class<?>[] {HttpServletRequest.class}, (proxy, method, arguments) -> switch (method.getName()) {
          case "getRemoteAddr" -> peer;
          case "getHeader" -> "X-Forwarded-For".equalsIgnoreCase((String) arguments[0]) ? forwardedFor : null;
          default -> throw new UnsupportedOperationException(method.getName());
        });
  }

  @Test
  void aListWithSomethingElseStopsStartUpNamingTheVariableNotTheValue() {
    assertThat(ClientAddress.Proxies.parse("10.0.0.0/8, *").problem()).isNull();
    String problem = ClientAddress.Proxies.parse("10.0.0.0/8,frontdoor.example.com,10.0.0.0/33").problem();
    assertThat(problem).startsWith("TRUSTED_PROXIES has 2 entries").doesNotContain("frontdoor");
  }
}
