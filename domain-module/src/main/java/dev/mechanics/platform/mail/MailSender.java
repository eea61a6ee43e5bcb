package dev.mechanics.platform.mail;

import java.util.List;

/**
 * Sends mail with attachments. The adapter ({@code Mailer}) lives in the web module because Jakarta Mail ships
 * in WEB-INF/lib (ADR 0021); the batch jobs in the EAR's lib/ cannot inject it (beans of the EAR's lib/ do not
 * see the WAR's beans, and {@code CDI.current()} on a batch thread answers with the library's bean manager).
 * They look it up in the job module's bean manager ({@code java:comp/BeanManager}) or, failing that, take the
 * one the web module registered at start ({@link #registered()}).
 */
public interface MailSender {

  /** Set by the web module when it starts; one application per server, so one sender. */
  final class Registration {
    private static volatile MailSender sender;

    private Registration() {
    }
  }

  static void register(MailSender sender) {
    Registration.sender = sender;
  }

  static java.util.Optional<MailSender> registered() {
    return java.util.Optional.ofNullable(Registration.sender);
  }

  record Attachment(String fileName, String contentType, byte[] content) {
  }

  /** True when the message was handed to the SMTP server; false when it was only logged or sending failed. */
  boolean send(List<String> to, String subject, String text, List<Attachment> attachments);
}
