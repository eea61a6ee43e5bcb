package dev.mechanics.tenancy;

import dev.mechanics.platform.documents.DocumentStyle;
import dev.mechanics.platform.documents.DocumentView;
import dev.mechanics.platform.documents.Formats;
import dev.mechanics.platform.documents.MailLogo;
import dev.mechanics.platform.documents.Messages;
import dev.mechanics.platform.documents.PdfRenderer;
import dev.mechanics.platform.documents.Templates;
import dev.mechanics.platform.mail.MailSender;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A shop as it presents itself to one reader: its identity block, accent colour and logo, and the reader's
 * language with the shop's currency and time zone. Every document and mail of the shop starts from one.
 */
public record Letterhead(DocumentView.ShopBlock block, String accent, ShopLogo logo, Locale locale,
                         Formats formats, Messages messages, DocumentSettings settings) {

  /** The logo as a data: URI for a PDF, or null. */
  public static String dataUri(ShopLogo logo) {
    return logo == null ? null
        : "data:" + logo.contentType() + ";base64," + Base64.getEncoder().encodeToString(logo.content());
  }

  /** "Demo Auto Care · Invoice INV-2026-000001 · Page " counter(page) " of " counter(pages), as CSS. */
  public String pageFooter(String title, String number) {
    String pattern = messages.get("page.footer", block.name() + " \u00b7 " + title + " " + number, "\u0000",
        "\u0001");
    StringBuilder css = new StringBuilder();
    int at = 0;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\u0000' || c == '\u0001') {
        if (i > at) {
          css.append(DocumentStyle.cssString(pattern.substring(at, i))).append(' ');
        }
        css.append(c == '\u0000' ? "counter(page) " : "counter(pages) ");
        at = i + 1;
      }
    }
    if (at < pattern.length()) {
      css.append(DocumentStyle.cssString(pattern.substring(at)));
    }
    return css.toString().trim();
  }

  /** The document kind's template ({@code pdf/<kind>.ftlh}) with {@code view}, as a PDF/A. */
  public byte[] pdf(String template, DocumentView view) {
    return PdfRenderer.render(Templates.render("pdf/" + template + ".ftlh", Map.of("doc", view), messages),
        Map.of(), accent);
  }

  /**
   * A mail of this shop to one reader: {@code mail/<kind>.html.ftlh} and {@code mail/<kind>.txt.ftl} with
   * {@code model} and the frame (logo inline as {@code cid:logo}, name, address, phone, greeting).
   */
  public MailSender.Message mail(String kind, List<String> to, String recipientName, String subject,
                                 Map<String, Object> model, List<MailSender.Attachment> attachments) {
    byte[] png = logo == null ? null : MailLogo.png(logo.content(), logo.contentType()).orElse(null);
    String greeting = recipientName == null || recipientName.isBlank() ? messages.get("mail.greetingNoName")
        : messages.get("mail.greeting", recipientName.trim());
    Map<String, Object> data = new HashMap<>(model);
    data.put("frame", new MailFrame(language(), subject, block.name(), block.address(), block.phone(), accent,
        png != null, greeting));
    String html = Templates.render("mail/" + kind + ".html.ftlh", data, messages);
    String text = Templates.render("mail/" + kind + ".txt.ftl", data, messages);
    return new MailSender.Message(to, subject, text, html,
        png == null ? List.of() : List.of(new MailSender.Inline("logo", "image/png", png)), attachments);
  }

  public String language() {
    return locale.getLanguage();
  }
}
