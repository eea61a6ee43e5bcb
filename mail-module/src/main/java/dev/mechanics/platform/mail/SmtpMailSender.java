package dev.mechanics.platform.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends mail through SMTP with Jakarta Mail. With credentials ({@code SMTP_USER}) the connection must be upgraded
 * with STARTTLS before they are sent: a server that does not offer it gets nothing, rather than the password and
 * the message in the clear.
 *
 * <p>Without {@code SMTP_HOST} (the run command) nothing is sent: the whole message is written to the developer's
 * mailbox folder ({@code DEV_MAILBOX_DIR}, one {@code .eml} file each) and the log says where, showing the
 * message with every link and token redacted. Mails carry credentials (an invitation link sets a password), so
 * none ever reaches a log. In production ({@code APP_ENVIRONMENT=production}) start-up refuses to run without
 * {@code SMTP_HOST}; should a mail still come here, it is dropped, never written anywhere.
 *
 * <p>The application's {@link MailSender} is the outbox ({@link MailOutbox}, ADR 0046): it renders a message
 * with {@link #render} in the request and delivers it later with {@link #deliver}. {@link #send} is the
 * immediate path, used for the developer's mailbox.
 */
@ApplicationScoped
@Typed(SmtpMailSender.class)
public class SmtpMailSender implements MailSender {

  private static final Logger LOG = Logger.getLogger(SmtpMailSender.class.getName());
  /** A link, or anything long enough to be a token (base64url, hex, signed payloads). */
  private static final Pattern SECRET = Pattern.compile("\\b[a-zA-Z][a-zA-Z0-9+.-]*://\\S+|[A-Za-z0-9_\\-.=]{20,}");
  private static final AtomicLong SEQUENCE = new AtomicLong();

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

  @Inject
  @ConfigProperty(name = "APP_ENVIRONMENT", defaultValue = "development")
  String environment;

  @Inject
  @ConfigProperty(name = "DEV_MAILBOX_DIR", defaultValue = "dev-mailbox")
  String devMailbox;

  @Override
  public boolean send(Message mail) {
    List<String> recipients = mail.to();
    if (host.isEmpty() || host.get().isBlank()) {
      keepForDeveloper(mail);
      return false;
    }
    try {
      Transport.send(message(session(), mail));
      return true;
    } catch (MessagingException | RuntimeException e) {
      LOG.warning("Sending mail to " + maskAll(recipients) + " failed: " + redacted(String.valueOf(e.getMessage())));
      return false;
    }
  }

  /** True when mail goes to an SMTP server (else {@link #send} keeps it for the developer, or drops it). */
  public boolean configured() {
    return host.isPresent() && !host.get().isBlank();
  }

  /** The whole message as it will be sent (RFC 822, attachments included), with its Message-ID fixed now. */
  public byte[] render(Message mail) {
    try {
      MimeMessage message = message(Session.getInstance(new Properties()), mail);
      message.saveChanges();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      message.writeTo(out);
      return out.toByteArray();
    } catch (IOException | MessagingException e) {
      throw new IllegalStateException("the mail could not be rendered: " + e.getClass().getSimpleName(), e);
    }
  }

  /**
   * Sends a {@link #render rendered} message to {@code recipients} (comma-separated), or throws why not. The
   * Message-ID stays the one rendered, so a mail delivered again after a sender died mid-send is recognisably the
   * same one.
   */
  public void deliver(String recipients, byte[] rendered) throws MessagingException {
    MimeMessage message = new MimeMessage(session(), new ByteArrayInputStream(rendered)) {
      @Override
      protected void updateMessageID() throws MessagingException {
        if (getHeader("Message-ID") == null) {
          super.updateMessageID();
        }
      }
    };
    Transport.send(message, InternetAddress.parse(recipients, true));
  }

  private MimeMessage message(Session session, Message mail) throws MessagingException {
    MimeMessage message = MimeMessages.of(session, mail);
    message.setFrom(new InternetAddress(from));
    message.setRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse(String.join(",", mail.to()), true));
    return message;
  }

  Session session() {
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
    // required, not merely offered: no STARTTLS, no login (a stripped STARTTLS would send the password in clear)
    props.put("mail.smtp.starttls.required", "true");
    props.put("mail.smtp.ssl.checkserveridentity", "true");
    return Session.getInstance(props, new Authenticator() {
      @Override
      protected PasswordAuthentication getPasswordAuthentication() {
        return new PasswordAuthentication(user.get(), password.orElse(""));
      }
    });
  }

  /** The log-only path: the message into the developer's mailbox, a redacted copy into the log. */
  private void keepForDeveloper(Message mail) {
    if ("production".equalsIgnoreCase(environment.strip())) {
      LOG.warning("Mail to " + maskAll(mail.to()) + " dropped: SMTP_HOST is not set (production never keeps "
          + "mail anywhere else)");
      return;
    }
    String where;
    try {
      where = "; the whole message is in " + write(mail);
    } catch (IOException | MessagingException | RuntimeException e) {
      where = "; it could not be kept in " + devMailbox + " (" + e.getClass().getSimpleName() + ")";
    }
    LOG.info("Mail not sent (SMTP_HOST is not set) to " + maskAll(mail.to()) + ": " + redacted(mail.subject())
        + "\n" + redacted(mail.text()) + (mail.attachments().isEmpty() ? ""
        : "\n(" + mail.attachments().size() + " attachments)") + "\n" + "[links and tokens redacted" + where + "]");
  }

  private Path write(Message mail) throws IOException, MessagingException {
    Path folder = Path.of(devMailbox).toAbsolutePath();
    Files.createDirectories(folder);
    Path file = folder.resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")) + "-"
        + SEQUENCE.incrementAndGet() + ".eml");
    MimeMessage message = message(Session.getInstance(new Properties()), mail);
    try (OutputStream out = Files.newOutputStream(file)) {
      message.writeTo(out);
    }
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: the folder's own permissions apply
    }
    return file;
  }

  /** The text with every link and token-like string replaced. */
  static String redacted(String text) {
    return SECRET.matcher(text).replaceAll("[redacted]");
  }

  private static String maskAll(List<String> addresses) {
    return addresses.stream().map(SmtpMailSender::mask).collect(Collectors.joining(","));
  }

  private static String mask(String address) {
    int at = address == null ? -1 : address.indexOf('@');
    return at <= 0 ? "***" : address.charAt(0) + "***" + address.substring(at);
  }
}
