package dev.mechanics.platform.mail;

import java.util.List;

/**
 * Sends mail. The SMTP adapter lives in mail-module, a jar in the EAR's lib/ like the domain, so that domain
 * services, resources and batch jobs inject it as any other bean. What a message says is composed elsewhere
 * (documents-module renders the templates); this port only carries it.
 */
public interface MailSender {

  record Attachment(String fileName, String contentType, byte[] content) {
  }

  /** An image the HTML part shows by its content id ({@code <img src="cid:logo">}), such as the shop's logo. */
  record Inline(String contentId, String contentType, byte[] content) {
  }

  /**
   * One message: a plain-text part always, an HTML alternative when {@code html} is not null (with the images it
   * shows inline), and attachments.
   */
  record Message(List<String> to, String subject, String text, String html, List<Inline> inline,
                 List<Attachment> attachments) {

    public Message {
      to = List.copyOf(to);
      inline = inline == null ? List.of() : List.copyOf(inline);
      attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }
  }

  /**
   * True when the message was accepted for delivery through SMTP (it is in the outbox, committed with the
   * caller's transaction, and sent shortly after: ADR 0046); false when there is no SMTP server (the run
   * command keeps it in the developer's mailbox).
   */
  boolean send(Message message);

  /**
   * {@link #send}, at most once per {@code key}: a second message under a key already used adds nothing (a
   * restarted batch step mails again). A null key: no such check.
   */
  default boolean sendOnce(String key, Message message) {
    return send(message);
  }

  /** A plain-text message with attachments. */
  default boolean send(List<String> to, String subject, String text, List<Attachment> attachments) {
    return send(new Message(to, subject, text, null, List.of(), attachments));
  }

  /** One plain-text message to one address. */
  default boolean send(String to, String subject, String text) {
    return send(List.of(to), subject, text, List.of());
  }
}
