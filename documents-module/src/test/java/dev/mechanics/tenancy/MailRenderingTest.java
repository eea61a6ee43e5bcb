package dev.mechanics.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mechanics.platform.documents.DocumentView;
import dev.mechanics.platform.documents.Formats;
import dev.mechanics.platform.documents.Messages;
import dev.mechanics.platform.mail.MailSender;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every mail the product sends, rendered from its templates: a plain-text and an HTML part, the shop's name,
 * phone and address, the recipient's name, the link to the app's page in both parts, times in words, and never
 * a raw ISO timestamp. What the server puts in them (and that they arrive) is MailIT's.
 */
class MailRenderingTest {

  private static final Pattern ISO_TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");
  private static final Instant AT = Instant.parse("2026-12-02T20:25:27.540457045Z");

  private static Letterhead letterhead(String tag) {
    Locale locale = Locale.forLanguageTag(tag);
    Messages m = Messages.of(locale);
    DocumentView.ShopBlock block = new DocumentView.ShopBlock("Demo Auto Care Downtown", null,
        List.of("1200 Main Street", "Springfield, IL 62701"), "+1 217 555 0100", null, null, List.of(), null);
    byte[] png = java.util.Base64.getDecoder().decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
    return new Letterhead(block, "#1f5f8b", new ShopLogo(png, ShopLogo.PNG), locale,
        Formats.of(locale, "America/Los_Angeles", "USD"), m, null);
  }

  @ParameterizedTest
  @ValueSource(strings = {"en-US", "es-US"})
  void everyMailHasTextAndHtmlWithTheShopTheRecipientLinksAndTimesInWords(String tag) {
    Letterhead h = letterhead(tag);
    String when = h.formats().inWords(AT, h.messages());
    String approvalPage = "https://shop.example/approvals/abc.DEF_123";
    String invitationPage = "https://shop.example/invitations/xyz.789";
    Map<String, MailSender.Message> mails = Map.of(
        "approval", h.mail("approval", List.of("carla@example.com"), "Carla", "s", Map.of("number", "WO-000123",
            "total", "$259.90", "url", approvalPage, "expires", when, "vehicle", "2022 Ford F-150"), List.of()),
        "invitation", h.mail("invitation", List.of("ivy@example.com"), "Ivy", "s", Map.of("organization",
            "Demo Auto Care", "url", invitationPage, "expires", when), List.of()),
        "invoice", h.mail("invoice", List.of("carla@example.com"), "Carla", "s", Map.of("number",
            "INV-2026-000045", "workOrder", "WO-000123", "total", "$363.83", "paid", false, "balance", "$163.83"),
            List.of(new MailSender.Attachment("INV-2026-000045.pdf", "application/pdf", new byte[] {1}))),
        "report", h.mail("report", List.of("boss@example.com"), "Olivia", "s", Map.of("period", "November 2026",
            "cars", "4", "sales", "$1,000.00", "averageRepairOrder", "$250.00", "grossProfit", "$600.00",
            "generated", when, "stored", "reports/x/y.pdf"), List.of()),
        "password-changed", h.mail("password-changed", List.of("tess@example.com"), "Tess", "s",
            Map.of("email", "tess@example.com", "at", when), List.of()),
        "lockout", h.mail("lockout", List.of("tess@example.com"), "Tess", "s",
            Map.of("email", "tess@example.com", "until", when), List.of()));
    for (Map.Entry<String, MailSender.Message> e : mails.entrySet()) {
      MailSender.Message mail = e.getValue();
      String kind = e.getKey();
      assertThat(mail.text()).as(kind + " text").isNotBlank().contains("Demo Auto Care Downtown",
          "1200 Main Street", "+1 217 555 0100").doesNotContain("<", "&amp;");
      assertThat(mail.html()).as(kind + " html").contains("<html", "Demo Auto Care Downtown", "1200 Main Street",
          "+1 217 555 0100", "cid:logo");
      assertThat(mail.inline()).extracting(MailSender.Inline::contentId).containsExactly("logo");
      for (String part : List.of(mail.text(), mail.html())) {
        assertThat(ISO_TIMESTAMP.matcher(part).find()).as(kind + ": no ISO timestamp").isFalse();
      }
    }
    assertThat(mails.get("approval").text()).contains("Carla", approvalPage, when);
    assertThat(mails.get("approval").html()).contains("href=\"" + approvalPage + "\"", "2022 Ford F-150");
    assertThat(mails.get("invitation").text()).contains("Ivy", invitationPage, when);
    assertThat(mails.get("invitation").html()).contains("href=\"" + invitationPage + "\"");
    assertThat(mails.get("invoice").attachments()).hasSize(1);
    assertThat(when).contains(tag.startsWith("es") ? "diciembre" : "December", "12:25");
  }

  @ParameterizedTest
  @ValueSource(strings = {"en-US"})
  void namesWithMarkupAreEscapedInHtmlAndKeptInText(String tag) {
    Letterhead h = letterhead(tag);
    MailSender.Message mail = h.mail("password-changed", List.of("x@example.com"), "<b>Bob</b> =1+1", "s",
        Map.of("email", "x@example.com", "at", "now"), List.of());
    assertThat(mail.html()).contains("&lt;b&gt;Bob&lt;/b&gt; =1+1").doesNotContain("<b>Bob");
    assertThat(mail.text()).contains("<b>Bob</b> =1+1");
  }
}
