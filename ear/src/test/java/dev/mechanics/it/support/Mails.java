package dev.mechanics.it.support;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import jakarta.mail.internet.MimeMessage;

/**
 * Reading received mails in tests: who got which, the text and HTML parts of a multipart message, and its
 * attachments. Mail leaves through the outbox after the request's commit (ADR 0046), so a test waits for it, and
 * picks it by recipient: a retried mail of an earlier test can arrive in between.
 */
public final class Mails {

  private Mails() {
  }

  /**
   * The mails {@code received} so far addressed to {@code address}, oldest first, once there are at least
   * {@code count} (waiting up to 30 s for them).
   */
  public static List<MimeMessage> awaitTo(Supplier<MimeMessage[]> received, String address, int count)
      throws MessagingException, InterruptedException {
    List<MimeMessage> to = List.of();
    for (int attempt = 0; attempt < 120; attempt++) {
      to = new ArrayList<>();
      for (MimeMessage m : received.get()) {
        if (m.getAllRecipients() != null && m.getAllRecipients()[0].toString().equalsIgnoreCase(address)) {
          to.add(m);
        }
      }
      if (to.size() >= count) {
        return to;
      }
      Thread.sleep(250);
    }
    throw new AssertionError(count + " mails to " + address + " expected; " + to.size() + " arrived");
  }

  /** The newest mail to {@code address}, waiting for one. */
  public static MimeMessage latestTo(Supplier<MimeMessage[]> received, String address)
      throws MessagingException, InterruptedException {
    List<MimeMessage> to = awaitTo(received, address, 1);
    return to.get(to.size() - 1);
  }

  /** The first part of {@code type} ("text/plain", "text/html"), however deep; null when there is none. */
  public static String part(Part message, String type) throws MessagingException, IOException {
    if (message.isMimeType(type) && !Part.ATTACHMENT.equalsIgnoreCase(message.getDisposition())) {
      return message.getContent().toString();
    }
    if (message.isMimeType("multipart/*")) {
      Multipart parts = (Multipart) message.getContent();
      for (int i = 0; i < parts.getCount(); i++) {
        String found = part(parts.getBodyPart(i), type);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  public static String text(Part message) throws MessagingException, IOException {
    return part(message, "text/plain");
  }

  public static String html(Part message) throws MessagingException, IOException {
    return part(message, "text/html");
  }

  /** Every part with a file name, anywhere in the message. */
  public static List<BodyPart> attachments(Part message) throws MessagingException, IOException {
    List<BodyPart> found = new ArrayList<>();
    if (message.isMimeType("multipart/*")) {
      Multipart parts = (Multipart) message.getContent();
      for (int i = 0; i < parts.getCount(); i++) {
        BodyPart part = parts.getBodyPart(i);
        if (part.getFileName() != null) {
          found.add(part);
        } else {
          found.addAll(attachments(part));
        }
      }
    }
    return found;
  }
}
