package dev.mechanics.platform.mail;

import jakarta.activation.DataHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends mail through SMTP with Jakarta Mail. With {@code SMTP_HOST} unset the message is written to the log
 * instead (recipient masked), so the run command works without a mail server.
 */
@ApplicationScoped
public class SmtpMailSender implements MailSender {

  private static final Logger LOG = Logger.getLogger(SmtpMailSender.class.getName());

  @Inject
  @ConfigProperty(name = "SMTP_HOST")
  Optional<String> host;

  @Inject
  @ConfigProperty(name = "SMTP_PORT", defaultValue = "587")
  int port;

  @Inject
  @ConfigProperty(name = "SMTP_USER")
  Optional<String> user;

  @Inject
  @ConfigProperty(name = "SMTP_PASS")
  Optional<String> password;

  @Inject
  @ConfigProperty(name = "SMTP_FROM", defaultValue = "no-reply@mechanics.dev")
  String from;

  @Override
  public boolean send(List<String> recipients, String subject, String text, List<Attachment> attachments) {
    if (host.isEmpty() || host.get().isBlank()) {
      LOG.info("Mail not configured (SMTP_HOST unset); message to " + maskAll(recipients) + ": " + subject + "\n"
          + text + (attachments.isEmpty() ? "" : "\n(" + attachments.size() + " attachments not sent)"));
      return false;
    }
    try {
      MimeMessage message = new MimeMessage(session());
      message.setFrom(new InternetAddress(from));
      message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(String.join(",", recipients), true));
      message.setSubject(subject, StandardCharsets.UTF_8.name());
      if (attachments.isEmpty()) {
        message.setText(text, StandardCharsets.UTF_8.name());
      } else {
        MimeMultipart parts = new MimeMultipart();
        MimeBodyPart body = new MimeBodyPart();
        body.setText(text, StandardCharsets.UTF_8.name());
        parts.addBodyPart(body);
        for (Attachment a : attachments) {
          MimeBodyPart part = new MimeBodyPart();
          part.setDataHandler(new DataHandler(new ByteArrayDataSource(a.content(), a.contentType())));
          part.setFileName(a.fileName());
          parts.addBodyPart(part);
        }
        message.setContent(parts);
      }
      Transport.send(message);
      return true;
    } catch (MessagingException | RuntimeException e) {
      LOG.warning("Sending mail to " + maskAll(recipients) + " failed: " + e.getMessage());
      return false;
    }
  }

  private Session session() {
    Properties props = new Properties();
    props.put("mail.smtp.host", host.orElseThrow().trim());
    props.put("mail.smtp.port", Integer.toString(port));
    props.put("mail.smtp.connectiontimeout", "5000");
    props.put("mail.smtp.timeout", "10000");
    props.put("mail.smtp.writetimeout", "10000");
    if (user.isEmpty() || user.get().isBlank()) {
      return Session.getInstance(props);
    }
    props.put("mail.smtp.auth", "true");
    props.put("mail.smtp.starttls.enable", "true");
    return Session.getInstance(props, new Authenticator() {
      @Override
      protected PasswordAuthentication getPasswordAuthentication() {
        return new PasswordAuthentication(user.get(), password.orElse(""));
      }
    });
  }

  private static String maskAll(List<String> addresses) {
    return addresses.stream().map(SmtpMailSender::mask).collect(Collectors.joining(","));
  }

  private static String mask(String address) {
    int at = address == null ? -1 : address.indexOf('@');
    return at <= 0 ? "***" : address.charAt(0) + "***" + address.substring(at);
  }
}
