package dev.mechanics.it.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import dev.mechanics.it.support.Api;
import dev.mechanics.it.support.Shop;
import io.restassured.path.json.JsonPath;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;

/**
 * The technician in the bay (issue 13.6), on a phone-sized window: my jobs, the inspection with a photo while the
 * Wi-Fi is down, and what the API refuses shown rather than overwritten. Everything is checked through the API.
 */
class BayIT {

  /** A job for the demo technician: a labor line and a part whose cost (25.00) only the desk may see. */
  private record Job(String id, String number, Api.Tenant advisor, Api.Tenant technician) {
  }

  private static Job assignedJob() {
    Api.Tenant advisor = Api.demoAs("SERVICE_ADVISOR");
    Api.Tenant technician = Api.demoAs("TECHNICIAN");
    Shop shop = new Shop(advisor);
    String id = shop.estimate();
    shop.addLines(id, List.of(Shop.labor("Replace brake pads", "1.5", "110.00"),
        Shop.part("Brake pads", "1", "25.00", "59.90")));
    shop.assign(id, Shop.userIdOf(technician));
    String number = advisor.request().get("/work-orders/" + id).then().statusCode(200).extract().path("number");
    return new Job(id, number, advisor, technician);
  }

  private static Browser technicianAt(Job job, Browser.Size size, String test) {
    Browser browser = new Browser(Api.baseUrl(), test, size);
    browser.signIn("/my-jobs", "tech@demo.mechanics.dev", Api.DEMO_PASSWORD);
    PageText.waitFor(browser, job.number());
    return browser;
  }

  private static void openJob(Browser browser, Job job) {
    browser.click("a[href='/my-jobs/" + job.id() + "']");
    browser.deep("input[name='condition-0']");
    PageText.waitFor(browser, "Replace brake pads");
  }

  private static void network(Browser browser, boolean offline) {
    ChromiumNetworkConditions conditions = new ChromiumNetworkConditions();
    conditions.setOffline(offline);
    browser.driver().setNetworkConditions(conditions);
  }

  /** A small real JPEG (the API checks that the content is what Content-Type says). */
  static byte[] jpeg() {
    BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.DARK_GRAY);
    g.fillRect(0, 0, 64, 48);
    g.setColor(Color.ORANGE);
    g.fillOval(12, 8, 40, 32);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "jpg", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static Path photo() throws IOException {
    Path file = Files.createTempDirectory("bay-photo").resolve("left-front-brake.jpg");
    Files.write(file, jpeg());
    return file;
  }

  private static JsonPath inspection(Job job) {
    return job.advisor().request().get("/work-orders/" + job.id() + "/inspection").then().statusCode(200)
        .extract().jsonPath();
  }

  private static int photos(Job job) {
    return job.advisor().request().get("/work-orders/" + job.id() + "/attachments").then().statusCode(200)
        .extract().jsonPath().getList("items").size();
  }

  private static String status(Job job) {
    return job.advisor().request().get("/work-orders/" + job.id()).then().statusCode(200).extract().path("status");
  }

  /** Issue 19.5 on the bay: clock in, clock on a job from "my jobs", clock off and out; one entry per press. */
  @Test
  void theTechnicianClocksInAndOnAJobFromMyJobs() {
    Job job = assignedJob();
    String labor = job.advisor().request().get("/work-orders/" + job.id()).then().extract().path("lines[0].id");
    String me = Shop.userIdOf(job.technician());
    try (Browser browser = technicianAt(job, Browser.Size.PHONE, "bay")) {
      browser.clickText("button", "Clock in");
      PageText.waitFor(browser, "Clocked in since");
      browser.clickText("button", "Clock on " + job.number());
      PageText.waitFor(browser, "On a job since");
      browser.check("my-jobs-clocked");
      List<Map<String, Object>> running = job.technician().request().get("/clock-entries?shopId="
              + job.technician().shopId() + "&from=" + java.time.LocalDate.now().minusDays(1) + "&to="
              + java.time.LocalDate.now().plusDays(1)).then().statusCode(200).extract().jsonPath()
          .getList("items.findAll { it.running && it.kind == 'JOB' }");
      assertThat(running).hasSize(1).first().satisfies(e -> {
        assertThat(e.get("lineId")).isEqualTo(labor);
        assertThat(e.get("technicianId")).isEqualTo(me);
      });
      browser.clickText("button", "Clock off the job");
      PageText.waitForNo(browser, "On a job since");
      browser.clickText("button", "Clock out");
      PageText.waitFor(browser, "Not clocked in");
    }
  }

  @Test
  void technicianNeverSeesACost() {
    Job job = assignedJob();
    // the data: what the API answers the technician has no cost or margin to show
    job.technician().request().get("/work-orders/" + job.id()).then().statusCode(200)
        .body("lines[1]", not(hasKey("unitCost"))).body("totals", not(hasKey("cost")))
        .body("totals", not(hasKey("grossProfit")));
    for (Browser.Size size : Browser.Size.values()) {
      try (Browser browser = technicianAt(job, size, "bay")) {
        browser.check("my-jobs");
        openJob(browser, job);
        browser.check("job");
        String page = PageText.of(browser);
        assertThat(page).contains("Brake pads", "Replace brake pads")
            .doesNotContain("25.00", "25,00", "59.90", "165.00").doesNotContainIgnoringCase("cost")
            .doesNotContainIgnoringCase("margin").doesNotContainIgnoringCase("profit");
      }
    }
  }

  @Test
  void theInspectionWithAPhotoMadeOfflineArrivesOnceWhenTheConnectionReturns() throws Exception {
    Job job = assignedJob();
    Path photo = photo();
    try (Browser browser = technicianAt(job, Browser.Size.PHONE, "bay")) {
      openJob(browser, job);

      network(browser, true);
      browser.click("input[name='condition-0'][value='RED']");
      browser.type("#note-0", "2 mm left on the inner pad");
      browser.click("input[name='condition-2'][value='GREEN']");
      browser.click("#save-inspection");
      PageText.waitFor(browser, "1 change is waiting to be sent");
      browser.deep("#photo").sendKeys(photo.toString());
      PageText.waitFor(browser, "2 changes are waiting to be sent");
      PageText.waitFor(browser, "left-front-brake.jpg");
      browser.clickText("button", "Move to In bay");
      PageText.waitFor(browser, "3 changes are waiting to be sent");
      browser.screenshot("job-offline");
      assertThat(inspection(job).getList("items")).as("nothing arrives while offline").isEmpty();
      assertThat(photos(job)).isZero();
      assertThat(status(job)).isEqualTo("WAITING");

      network(browser, false);
      PageText.waitForNo(browser, "waiting to be sent");
      PageText.waitFor(browser, "Inspection saved.");
      JsonPath arrived = inspection(job);
      assertThat(arrived.getString("items[0].condition")).isEqualTo("RED");
      assertThat(arrived.getString("items[0].notes")).isEqualTo("2 mm left on the inner pad");
      assertThat(arrived.getString("items[2].condition")).isEqualTo("GREEN");
      assertThat(arrived.getString("items[1].condition")).as("points not checked stay unchecked").isNull();
      assertThat(photos(job)).isEqualTo(1);
      assertThat(status(job)).as("the move made offline, after the inspection").isEqualTo("IN_BAY");
      assertThat(job.advisor().request().get("/work-orders/" + job.id() + "/status-history").then().statusCode(200)
          .extract().jsonPath().getList("items.to")).containsExactly("WAITING", "IN_BAY");
      browser.deep("img[alt='Photo left-front-brake.jpg']");
      Thread.sleep(6_000); // another round of the outbox's timer: nothing is sent twice
      assertThat(photos(job)).as("the photo arrived exactly once").isEqualTo(1);
      assertThat(inspection(job).getList("items")).hasSize(10);
      // requests cut by the emulated offline network are the only console errors
      browser.assertNoConsoleErrors("job-offline", "ERR_INTERNET_DISCONNECTED");
      browser.check("job-synced");
    }
  }

  @Test
  void aChangeMadeOfflineOnAChecklistSomeoneElseChangedIsShownNotOverwritten() {
    Job job = assignedJob();
    try (Browser browser = technicianAt(job, Browser.Size.PHONE, "bay")) {
      openJob(browser, job);
      network(browser, true);
      browser.click("input[name='condition-0'][value='GREEN']");
      browser.click("#save-inspection");
      PageText.waitFor(browser, "1 change is waiting to be sent");

      // meanwhile at the desk
      job.advisor().request().body(Map.of("items", List.of(Map.of("name", "Front brake pads", "condition", "RED",
          "notes", "seen at the counter")))).put("/work-orders/" + job.id() + "/inspection").then().statusCode(200);

      network(browser, false);
      PageText.waitFor(browser, "Not sent: Inspection of " + job.number());
      PageText.waitFor(browser, "Someone else changed it");
      assertThat(inspection(job).getString("items[0].notes")).as("the desk's checklist stays")
          .isEqualTo("seen at the counter");
      browser.assertNoConsoleErrors("job-conflict", "ERR_INTERNET_DISCONNECTED", "status of 412");
      browser.check("job-conflict");

      browser.clickText("button", "Discard my change");
      PageText.waitForNo(browser, "Not sent");
      assertThat(inspection(job).getString("items[0].notes")).isEqualTo("seen at the counter");
    }
  }
}
