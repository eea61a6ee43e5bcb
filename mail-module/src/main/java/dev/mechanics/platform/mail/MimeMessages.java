package dev.mechanics.platform.mail;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;

/**
 * The MIME shape of a {@link MailSender.Message}: text only as a single part; with HTML, multipart/alternative
 * (text first, so clients that cannot show HTML read the text), the HTML wrapped in multipart/related with its
 * inline images; attachments beside it all in multipart/mixed.
 */
final class MimeMessages {

  private static final String UTF_8 = StandardCharsets.UTF_8.name();

  private MimeMessages() {
  }

  /** Fills {@code message}'s subject and body (the caller sets sender and recipients). */
  static void fill(MimeMessage message, MailSender.Message mail) throws MessagingException {
    message.setSubject(mail.subject(), UTF_8);
    if (mail.html() == null && mail.attachments().isEmpty()) {
      message.setText(mail.text(), UTF_8);
      return;
    }
    if (mail.attachments().isEmpty()) {
      message.setContent(alternative(mail));
      return;
    }
    MimeBodyPart body = new MimeBodyPart();
    if (mail.html() == null) {
      body.setText(mail.text(), UTF_8);
    } else {
      body.setContent(alternative(mail));
    }
    MimeMultipart mixed = new MimeMultipart("mixed");
    mixed.addBodyPart(body);
    for (MailSender.Attachment a : mail.attachments()) {
      MimeBodyPart part = new MimeBodyPart();
      part.setDataHandler(new DataHandler(new ByteArrayDataSource(a.content(), a.contentType())));
      part.setFileName(a.fileName());
      part.setDisposition(Part.ATTACHMENT);
      mixed.addBodyPart(part);
    }
    message.setContent(mixed);
  }

  private static MimeMultipart alternative(MailSender.Message mail) throws MessagingException {
    MimeMultipart alternative = new MimeMultipart("alternative");
    MimeBodyPart text = new MimeBodyPart();
    text.setText(mail.text(), UTF_8);
    alternative.addBodyPart(text);
    MimeBodyPart html = new MimeBodyPart();
    html.setText(mail.html(), UTF_8, "html");
    if (mail.inline().isEmpty()) {
      alternative.addBodyPart(html);
      return alternative;
    }
    MimeMultipart related = new MimeMultipart("related");
    related.addBodyPart(html);
    for (MailSender.Inline image : mail.inline()) {
      MimeBodyPart part = new MimeBodyPart();
      part.setDataHandler(new DataHandler(new ByteArrayDataSource(image.content(), image.contentType())));
      part.setContentID("<" + image.contentId() + ">");
      part.setDisposition(Part.INLINE);
      related.addBodyPart(part);
    }
    MimeBodyPart relatedPart = new MimeBodyPart();
    relatedPart.setContent(related);
    alternative.addBodyPart(relatedPart);
    return alternative;
  }

  /** A message of the session with body and subject from {@code mail}. */
  static MimeMessage of(Session session, MailSender.Message mail) throws MessagingException {
    MimeMessage message = new MimeMessage(session);
    fill(message, mail);
    return message;
  }
}
