package dev.mechanics.platform.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends mail through SMTP with Jakarta Mail (Liberty's mail-2.1). With {@code SMTP_HOST} unset the message is
 * written to the log instead (recipient masked), so the run command works without a mail server.
 */
@ApplicationScoped
public class Mailer implements MailSender {

  private static final Logger LOG = Logger.getLogger(Mailer.class.getName());

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

  /** Makes this sender reachable from the batch jobs in the EAR's lib/ (see MailSender). */
  void register(@jakarta.enterprise.event.Observes
                @jakarta.enterprise.context.Initialized(ApplicationScoped.class) Object started) {
    MailSender.register(this);
  }

  /** True when the message was handed to the SMTP server; false when it was only logged or sending failed. */
  public boolean send(String to, String subject, String text) {
    return send(java.util.List.of(to), subject, text, java.util.List.of());
  }

  @Override
  public boolean send(java.util.List<String> recipients, String subject, String text,
                      java.util.List<Attachment> attachments) {
    String to = String.join(",", recipients);
    if (host.isEmpty() || host.get().isBlank()) {
      LOG.info("Mail not configured (SMTP_HOST unset); message to " + maskAll(recipients) + ": " + subject + "\n"
          + text + (attachments.isEmpty() ? "" : "\n(" + attachments.size() + " attachments not sent)"));
      return false;
    }
    Properties props = new Properties();
    props.put("mail.smtp.host", host.get().trim());
    props.put("mail.smtp.port", Integer.toString(port));
    props.put("mail.smtp.connectiontimeout", "5000");
    props.put("mail.smtp.timeout", "10000");
    props.put("mail.smtp.writetimeout", "10000");
    boolean auth = user.isPresent() && !user.get().isBlank();
    if (auth) {
      props.put("mail.smtp.auth", "true");
      props.put("mail.smtp.starttls.enable", "true");
    }
    Session session = auth ? Session.getInstance(props, new Authenticator() {
      @Override
      protected PasswordAuthentication getPasswordAuthentication() {
        return new PasswordAuthentication(user.get(), password.orElse(""));
      }
    }) : Session.getInstance(props);
    try {
      MimeMessage message = new MimeMessage(session);
      message.setFrom(new InternetAddress(from));
      message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to, true));
      message.setSubject(subject, StandardCharsets.UTF_8.name());
      if (attachments.isEmpty()) {
        message.setText(text, StandardCharsets.UTF_8.name());
      } else {
        jakarta.mail.internet.MimeMultipart parts = new jakarta.mail.internet.MimeMultipart();
        jakarta.mail.internet.MimeBodyPart body = new jakarta.mail.internet.MimeBodyPart();
        body.setText(text, StandardCharsets.UTF_8.name());
        parts.addBodyPart(body);
        for (Attachment a : attachments) {
          jakarta.mail.internet.MimeBodyPart part = new jakarta.mail.internet.MimeBodyPart();
          part.setDataHandler(new jakarta.activation.DataHandler(
              new jakarta.mail.util.ByteArrayDataSource(a.content(), a.contentType())));
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

  private static String maskAll(java.util.List<String> addresses) {
    return addresses.stream().map(Mailer::mask).collect(java.util.stream.Collectors.joining(","));
  }

  private static String mask(String address) {
    int at = address == null ? -1 : address.indexOf('@');
    return at <= 0 ? "***" : address.charAt(0) + "***" + address.substring(at);
  }
}
