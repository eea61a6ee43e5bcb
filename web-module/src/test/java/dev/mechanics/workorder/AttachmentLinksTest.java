package dev.mechanics.workorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mechanics.platform.DomainException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AttachmentLinksTest {

  private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
  private final UUID organization = UUID.randomUUID();
  private final UUID attachment = UUID.randomUUID();

  private static AttachmentLinks at(Instant now) {
    return new AttachmentLinks(KEY, Clock.fixed(now, ZoneOffset.UTC));
  }

  @Test
  void aSignedLinkGrantsItsAttachmentUntilItExpires() {
    String token = at(NOW).sign(organization, attachment, NOW.plus(Duration.ofMinutes(5)));
    assertThat(at(NOW.plusSeconds(299)).verify(token))
        .isEqualTo(new AttachmentLinks.Grant(organization, attachment));
    assertThatThrownBy(() -> at(NOW.plusSeconds(300)).verify(token)).isInstanceOf(DomainException.Gone.class);
  }

  @Test
  void aTamperedOrForeignLinkNamesNothing() {
    String token = at(NOW).sign(organization, attachment, NOW.plus(Duration.ofMinutes(5)));
    int dot = token.indexOf('.');
    char flipped = token.charAt(3) == 'A' ? 'B' : 'A';
    String payloadChanged = token.substring(0, 3) + flipped + token.substring(4);
    String signatureChanged = token.substring(0, dot + 1) + (token.charAt(dot + 1) == 'A' ? 'B' : 'A')
        + token.substring(dot + 2);
    String laterExpiry = at(NOW).sign(organization, attachment, NOW.plus(Duration.ofDays(1)));
    String spliced = laterExpiry.substring(0, laterExpiry.indexOf('.')) + token.substring(dot);
    AttachmentLinks links = at(NOW);
    for (String bad : new String[] {payloadChanged, signatureChanged, spliced, "", "nodot", "a.b", null,
        "x".repeat(300)}) {
      assertThatThrownBy(() -> links.verify(bad)).as(String.valueOf(bad))
          .isInstanceOf(DomainException.NotFound.class);
    }
    AttachmentLinks otherKey = new AttachmentLinks("another key, another installation".getBytes(
        StandardCharsets.UTF_8), Clock.fixed(NOW, ZoneOffset.UTC));
    assertThatThrownBy(() -> otherKey.verify(token)).isInstanceOf(DomainException.NotFound.class);
  }
}
