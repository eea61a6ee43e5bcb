package dev.mechanics.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.mechanics.it.support.Api;
import dev.mechanics.it.support.Mails;
import dev.mechanics.it.support.Shop;
import dev.mechanics.it.support.TestDatabase;
import io.restassured.path.json.JsonPath;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 19.4: the appointment reminder of the day before, an organization job scheduled as the reports are
 * (ADR 0053). The mail reaches the in-JVM SMTP server once, for tomorrow's booking only, with no link.
 */
class AppointmentReminderIT {

  @RegisterExtension
  static final GreenMailExtension MAIL = new GreenMailExtension(
      new ServerSetup(TestDatabase.smtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  @Test
  void aScheduledRunRemindsTomorrowsCustomersOnceAndNobodyElse() throws Exception {
    Api.Tenant owner = Api.newOrganization("reminders");
    openEveryDay(owner);
    String bay = AppointmentIT.bay(owner, owner.shopId(), "Lift 1");
    String last = "Rem" + UUID.randomUUID().toString().replaceAll("[^a-f]", "").substring(0, 5);
    String tomorrowsCustomer = owner.createCustomer("Tomas", last);
    String laterCustomer = owner.createCustomer("Laura", last);
    Shop shop = new Shop(owner);
    LocalDate tomorrow = LocalDate.now(NEW_YORK).plusDays(1);
    String remindedId = book(owner, tomorrowsCustomer, shop.vehicleOf(tomorrowsCustomer), bay, tomorrow, "10:00",
        "Brake noise at the front");
    String laterId = book(owner, laterCustomer, shop.vehicleOf(laterCustomer), bay, tomorrow.plusDays(1), "10:00",
        "Oil change");
    String tomorrowsAddress = "tomas." + last.toLowerCase() + "@example.com";
    String laterAddress = "laura." + last.toLowerCase() + "@example.com";

    String schedule = owner.request().body(Map.of("jobName", "appointment-reminders", "cron", "0 16 * * *",
            "timeZone", NEW_YORK.getId(), "parameters", Map.of()))
        .post("/batch/schedules").then().statusCode(201).extract().path("id");
    // due now rather than at 16:00: the scheduler (every 2 s in the tests) fires it once
    try (Connection c = Api.database();
         PreparedStatement st = c.prepareStatement(
             "update batch_schedules set next_fire_at = now() - interval '1 second' where id = ?::uuid")) {
      st.setString(1, schedule);
      assertThat(st.executeUpdate()).isEqualTo(1);
    }
    String execution = null;
    for (int i = 0; i < 120 && execution == null; i++) {
      Thread.sleep(250);
      execution = owner.request().get("/batch/executions").then().statusCode(200).extract().jsonPath()
          .<Map<String, Object>>getList("items").stream().filter(r -> schedule.equals(r.get("scheduleId")))
          .map(r -> r.get("executionId").toString()).findFirst().orElse(null);
    }
    assertThat(execution).as("the schedule fired").isNotNull();
    JsonPath run = awaitEnd(owner, execution);
    assertThat(run.getString("status")).as(run.prettify()).isEqualTo("COMPLETED");
    assertThat(run.getString("steps[0].exitStatus")).as(run.prettify()).contains("MAILED 1");

    MimeMessage reminder = awaitMailTo(tomorrowsAddress);
    String text = Mails.text(reminder);
    assertThat(reminder.getSubject()).contains(owner.request().get("/shops/" + owner.shopId()).<String>path("name"));
    assertThat(text).contains("Brake noise at the front").contains("10:00").contains("Tomas");
    assertThat(text + Mails.html(reminder)).doesNotContain("http://").doesNotContain("https://")
        .doesNotContain(remindedId);
    assertThat(remindedAt(remindedId)).isTrue();
    assertThat(remindedAt(laterId)).isFalse();

    // a second run the same day reminds nobody again; the day after tomorrow is not due yet
    Map<String, Object> now = Map.of("jobName", "appointment-reminders", "parameters", Map.of());
    String again = owner.request().body(now).post("/batch/executions").then().statusCode(201).extract()
        .path("executionId").toString();
    JsonPath second = awaitEnd(owner, again);
    assertThat(second.getString("status")).as(second.prettify()).isEqualTo("COMPLETED");
    assertThat(second.getString("steps[0].exitStatus")).startsWith("DUE 0 MAILED 0");
    assertThat(mailsTo(tomorrowsAddress)).hasSize(1);
    assertThat(mailsTo(laterAddress)).isEmpty();

    // a parameter the job does not take is refused before any run exists
    owner.request().body(Map.of("jobName", "appointment-reminders", "parameters", Map.of("date", "2026-12-01")))
        .post("/batch/executions").then().statusCode(422).contentType("application/problem+json");
  }

  /** Every day 07:00-20:00, so that tomorrow is open whatever day the test runs. */
  private static void openEveryDay(Api.Tenant owner) {
    List<Map<String, Object>> week = new ArrayList<>();
    for (DayOfWeek d : DayOfWeek.values()) {
      week.add(Map.of("day", d.name(), "opens", "07:00", "closes", "20:00"));
    }
    String etag = owner.request().get("/shops/" + owner.shopId() + "/opening-hours").then().statusCode(200)
        .extract().header("ETag");
    owner.request().header("If-Match", etag).body(Map.of("week", week))
        .put("/shops/" + owner.shopId() + "/opening-hours").then().statusCode(200);
  }

  private static String book(Api.Tenant owner, String customer, String vehicle, String bay, LocalDate day,
                             String time, String work) {
    Map<String, Object> body = AppointmentIT.booking(owner, customer, vehicle, bay,
        ZonedDateTime.of(day, LocalTime.parse(time), NEW_YORK).toInstant().toString(), 60);
    body.put("requestedWork", work);
    return owner.request().body(body).post("/appointments").then().statusCode(201).extract().path("id");
  }

  private static JsonPath awaitEnd(Api.Tenant who, String executionId) throws InterruptedException {
    for (int i = 0; i < 240; i++) {
      JsonPath run = who.request().get("/batch/executions/" + executionId).then().statusCode(200).extract()
          .jsonPath();
      if (List.of("COMPLETED", "FAILED", "STOPPED", "ABANDONED").contains(run.getString("status"))) {
        return run;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("execution " + executionId + " did not end");
  }

  /** Delivery may lag the run (an outbox sends after the commit): a bounded poll, 20 s at most. */
  private static MimeMessage awaitMailTo(String address) throws Exception {
    for (int attempt = 0; attempt < 80; attempt++) {
      List<MimeMessage> found = mailsTo(address);
      if (!found.isEmpty()) {
        return found.get(0);
      }
      Thread.sleep(250);
    }
    throw new AssertionError("no reminder reached " + address);
  }

  private static List<MimeMessage> mailsTo(String address) throws Exception {
    List<MimeMessage> found = new ArrayList<>();
    for (MimeMessage m : MAIL.getReceivedMessages()) {
      if (m.getAllRecipients()[0].toString().equals(address)) {
        found.add(m);
      }
    }
    return found;
  }

  private static boolean remindedAt(String appointment) throws Exception {
    try (Connection c = Api.database();
         PreparedStatement st = c.prepareStatement("select reminded_at is not null from appointments where id = ?::uuid")) {
      st.setString(1, appointment);
      try (ResultSet rs = st.executeQuery()) {
        assertThat(rs.next()).isTrue();
        return rs.getBoolean(1);
      }
    }
  }
}
