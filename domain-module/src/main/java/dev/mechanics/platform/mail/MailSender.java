package dev.mechanics.platform.mail;

import java.util.List;

/**
 * Sends mail, with attachments. The SMTP adapter lives in mail-module, a jar in the EAR's lib/ like the domain,
 * so that domain services, resources and batch jobs inject it as any other bean.
 */
public interface MailSender {

  record Attachment(String fileName, String contentType, byte[] content) {
  }

  /** True when the message was handed to the SMTP server; false when it was only logged or sending failed. */
  boolean send(List<String> to, String subject, String text, List<Attachment> attachments);

  /** One plain-text message to one address. */
  default boolean send(String to, String subject, String text) {
    return send(List.of(to), subject, text, List.of());
  }
}
