package dev.mechanics.it.support;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Reading received mails in tests: the text and HTML parts of a multipart message, and its attachments. */
public final class Mails {

  private Mails() {
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
