package dev.mechanics.platform.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15.1 and 15.10: mail never puts a link in the log, and never sends credentials without TLS. */
class SmtpMailSenderTest {

  private static final String LINK = "https://shop.example.com/api/v1/invitations/"
      + "AZLpU0x2c3f9Qk1dV2h1dGV2ZXI.k3mZ9Qw8Yt2Rr5Lp0Vn6Xb4Hc1Jd7Fs3Ga9Ke2Mo5Pu8";

  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup(freePort(), "127.0.0.1",
      ServerSetup.PROTOCOL_SMTP));

  @TempDir
  Path mailbox;

  private final List<LogRecord> logged = new ArrayList<>();
  private final Handler capture = new Handler() {
    @Override
    public void publish(LogRecord record) {
      logged.add(record);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
  };

  @BeforeEach
  void captureTheLog() {
    Logger.getLogger(SmtpMailSender.class.getName()).addHandler(capture);
  }

  @AfterEach
  void release() {
    Logger.getLogger(SmtpMailSender.class.getName()).removeHandler(capture);
  }

  private SmtpMailSender sender(String host, String user, String environment) {
    SmtpMailSender sender = new SmtpMailSender();
    sender.host = Optional.ofNullable(host);
    sender.port = SMTP.getSmtp().getPort();
    sender.user = Optional.ofNullable(user);
    sender.password = Optional.of("smtp-secret");
    sender.from = "no-reply@mechanics.dev";
    sender.environment = environment;
    sender.devMailbox = mailbox.toString();
    return sender;
  }

  private String log() {
    return logged.stream().map(LogRecord::getMessage).reduce("", (a, b) -> a + "\n" + b);
  }

  @Test
  void withoutSmtpTheMessageGoesToTheDevelopersMailboxAndTheLogShowsItWithoutLinksOrTokens() throws Exception {
    boolean sent = sender(null, null, "development").send("ivy@example.com", "You are invited",
        "Choose your password with this link:\n\n" + LINK + "\n\nor paste the code "
            + "k3mZ9Qw8Yt2Rr5Lp0Vn6Xb4Hc1Jd7Fs3Ga9 in the app.");
    assertThat(sent).isFalse();
    assertThat(log()).contains("Mail not sent", "i***@example.com", "You are invited", "[redacted]", mailbox.toString())
        .doesNotContain(LINK).doesNotContain("k3mZ9Qw8Yt2Rr5Lp0Vn6Xb4Hc1Jd7Fs3Ga9").doesNotContain("ivy@");
    try (Stream<Path> files = Files.list(mailbox)) {
      List<Path> mails = files.toList();
      assertThat(mails).singleElement().satisfies(mail -> assertThat(Files.readString(mail))
          .contains("To: ivy@example.com", "You are invited").contains(LINK.substring(LINK.lastIndexOf('.') + 1)));
    }
  }

  @Test
  void inProductionAMailWithoutSmtpIsDroppedAndKeptNowhere() throws Exception {
    assertThat(sender(" ", null, "production").send("ivy@example.com", "You are invited", LINK)).isFalse();
    assertThat(log()).contains("dropped").doesNotContain(LINK).doesNotContain("invitations");
    try (Stream<Path> files = Files.list(mailbox)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void credentialsAreNeverSentToAServerThatOffersNoStarttls() {
    // GreenMail's plain SMTP offers no STARTTLS and knows these credentials: a sender that only "enables"
    // STARTTLS logs in and sends in the clear
    SMTP.setUser("mechanics@example.com", "mechanics", "smtp-secret");
    boolean sent = sender("127.0.0.1", "mechanics", "production").send("ivy@example.com", "Your estimate", LINK);
    assertThat(sent).isFalse();
    assertThat(SMTP.getReceivedMessages()).as("nothing delivered without TLS").isEmpty();
    assertThat(log()).contains("failed").doesNotContain(LINK).doesNotContain("smtp-secret");
  }

  @Test
  void withoutCredentialsPlainRelayingStillWorks() throws Exception {
    assertThat(sender("127.0.0.1", null, "production").send("ivy@example.com", "Your estimate", LINK)).isTrue();
    assertThat(SMTP.getReceivedMessages()).singleElement()
        .satisfies(m -> assertThat(m.getFrom()[0].toString()).isEqualTo("no-reply@mechanics.dev"));
  }

  /** ADR 0046: the outbox keeps the rendered message and delivers it later, as it was, with its Message-ID. */
  @Test
  void aRenderedMessageIsDeliveredLaterAsItWasRenderedWithItsMessageId() throws Exception {
    SmtpMailSender sender = sender("127.0.0.1", null, "production");
    byte[] rendered = sender.render(new MailSender.Message(List.of("ivy@example.com"), "Your estimate", LINK,
        "<p>" + LINK + "</p>", List.of(), List.of(new MailSender.Attachment("estimate.pdf", "application/pdf",
        new byte[] {37, 80, 68, 70}))));
    String renderedId = new jakarta.mail.internet.MimeMessage(null, new java.io.ByteArrayInputStream(rendered))
        .getMessageID();
    assertThat(renderedId).isNotBlank();
    sender.deliver("ivy@example.com", rendered);
    sender.deliver("ivy@example.com", rendered);
    assertThat(SMTP.getReceivedMessages()).hasSize(2).allSatisfy(m -> {
      assertThat(m.getMessageID()).isEqualTo(renderedId);
      assertThat(m.getSubject()).isEqualTo("Your estimate");
      assertThat(m.getFrom()[0].toString()).isEqualTo("no-reply@mechanics.dev");
    });
  }

  @Test
  void theSessionRequiresStarttlsWhenCredentialsAreSet() {
    var props = sender("smtp.example.com", "mechanics", "production").session().getProperties();
    assertThat(props.getProperty("mail.smtp.starttls.required")).isEqualTo("true");
    assertThat(props.getProperty("mail.smtp.auth")).isEqualTo("true");
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
