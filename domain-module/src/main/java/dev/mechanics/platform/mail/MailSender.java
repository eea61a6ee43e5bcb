package dev.mechanics.platform.mail;

import java.util.List;

/**
 * Sends mail with attachments. The adapter ({@code Mailer}) lives in the web module because Jakarta Mail ships
 * in WEB-INF/lib (ADR 0021); the batch jobs in the EAR's lib/ reach it through this port, looked up in the
 * job's module (the WAR) at run time.
 */
public interface MailSender {

  record Attachment(String fileName, String contentType, byte[] content) {
  }

  /** True when the message was handed to the SMTP server; false when it was only logged or sending failed. */
  boolean send(List<String> to, String subject, String text, List<Attachment> attachments);
}
