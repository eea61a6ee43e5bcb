package dev.mechanics.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.mechanics.it.support.Api;
import dev.mechanics.it.support.Mails;
import dev.mechanics.it.support.Pdfs;
import dev.mechanics.it.support.Shop;
import dev.mechanics.it.support.TestDatabase;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * daily-shop-report end to end: work orders and invoices made through the API, the job run through
 * /api/v1/batch (now, and by a schedule), its CSV and PDF read back from Azurite, its mail from GreenMail, and
 * every figure compared with one computed here from the lines the test created.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ShopReportIT {

  @RegisterExtension
  static final GreenMailExtension MAIL = new GreenMailExtension(
      new ServerSetup(TestDatabase.smtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

  private static final String ZONE = "America/New_York";
  private static Api.Tenant owner;
  private static Api.Tenant north;
  private static String northShop;
  private static String ownerId;
  private static String date;
  /** Expected sums per shop id, from the lines this test billed. */
  private static final Map<String, Expected> EXPECTED = new LinkedHashMap<>();
  private static final Map<String, BigDecimal> INVOICE_SUBTOTALS = new HashMap<>();
  private static String firstCsv;

  /** What the report must say of one shop, summed here independently of the job. */
  static final class Expected {
    long cars;
    long lines;
    BigDecimal labor = BigDecimal.ZERO;
    BigDecimal hours = BigDecimal.ZERO;
    BigDecimal parts = BigDecimal.ZERO;
    BigDecimal cost = BigDecimal.ZERO;
    long partsWithoutCost;
    BigDecimal fees = BigDecimal.ZERO;
    BigDecimal discounts = BigDecimal.ZERO;
    final Map<String, Long> open = new HashMap<>();

    BigDecimal sales() {
      return labor.add(parts).add(fees).add(discounts).setScale(2, RoundingMode.HALF_EVEN);
    }

    Expected plus(Expected o) {
      Expected e = new Expected();
      e.cars = cars + o.cars;
      e.lines = lines + o.lines;
      e.labor = labor.add(o.labor);
      e.hours = hours.add(o.hours);
      e.parts = parts.add(o.parts);
      e.cost = cost.add(o.cost);
      e.partsWithoutCost = partsWithoutCost + o.partsWithoutCost;
      e.fees = fees.add(o.fees);
      e.discounts = discounts.add(o.discounts);
      open.forEach((k, v) -> e.open.merge(k, v, Long::sum));
      o.open.forEach((k, v) -> e.open.merge(k, v, Long::sum));
      return e;
    }
  }

  private static BigDecimal money(String hoursOrQuantity, String price) {
    return new BigDecimal(hoursOrQuantity).multiply(new BigDecimal(price)).setScale(2, RoundingMode.HALF_EVEN);
  }

  private static Map<String, Object> labor(Expected e, String hours, String rate, String technician) {
    e.labor = e.labor.add(money(hours, rate));
    e.hours = e.hours.add(new BigDecimal(hours));
    e.lines++;
    Map<String, Object> line = Shop.labor("Labor " + hours + " h", hours, rate);
    if (technician != null) {
      line.put("technicianId", technician);
    }
    return line;
  }

  private static Map<String, Object> part(Expected e, String quantity, String unitCost, String unitPrice) {
    e.parts = e.parts.add(money(quantity, unitPrice));
    if (unitCost == null) {
      e.partsWithoutCost++;
    } else {
      e.cost = e.cost.add(money(quantity, unitCost));
    }
    e.lines++;
    Map<String, Object> line = Shop.part("Part", quantity, unitCost, unitPrice);
    if (unitCost == null) {
      line.remove("unitCost");
    }
    return line;
  }

  private static Map<String, Object> fee(Expected e, String price) {
    e.fees = e.fees.add(new BigDecimal(price));
    e.lines++;
    return Shop.priced("FEE", "Shop supplies", price);
  }

  private static Map<String, Object> discount(Expected e, String price) {
    e.discounts = e.discounts.subtract(new BigDecimal(price));
    e.lines++;
    return Shop.priced("DISCOUNT", "Loyalty", price);
  }

  private static void invoice(Api.Tenant tenant, String workOrder, String shopId) {
    String invoice = new Shop(tenant).invoiced(workOrder);
    BigDecimal subtotal = new BigDecimal(tenant.request().get("/invoices/" + invoice).then().statusCode(200)
        .extract().path("subtotal").toString());
    INVOICE_SUBTOTALS.merge(shopId, subtotal, BigDecimal::add);
    EXPECTED.get(shopId).cars++;
  }

  @BeforeAll
  static void billSomeWork() {
    owner = Api.newOrganization("report");
    ownerId = owner.request().get("/me").then().statusCode(200).extract().path("id");
    northShop = owner.request().body(Map.of("name", "North " + UUID.randomUUID().toString().substring(0, 6),
            "timeZone", ZONE, "phone", "+1 312 555 0199", "address", "1 Lake St", "laborRate", "100.00"))
        .post("/shops").then().statusCode(201).extract().path("id");
    north = new Api.Tenant(owner.token(), owner.organizationId(), northShop);
    Expected main = new Expected();
    Expected northSums = new Expected();
    EXPECTED.put(owner.shopId(), main);
    EXPECTED.put(northShop, northSums);
    Shop shop = new Shop(owner);

    String wo1 = shop.estimate();
    shop.addLines(wo1, List.of(labor(main, "1.5", "110.00", ownerId), part(main, "2", "25.00", "59.90"),
        fee(main, "35.00"), discount(main, "10.00")));
    invoice(owner, wo1, owner.shopId());

    // 2.25 h x 123.45 = 277.7625: rounded half-even once, on the line
    String wo2 = shop.estimate();
    shop.addLines(wo2, List.of(labor(main, "2.25", "123.45", null), part(main, "3", "10.10", "19.99"),
        part(main, "1", null, "5.00")));
    invoice(owner, wo2, owner.shopId());

    // a declined line is not billed and not reported
    String wo3 = shop.estimate();
    shop.addLines(wo3, List.of(labor(main, "0.5", "100.00", ownerId)));
    shop.addLines(wo3, List.of(Shop.part("Declined part", "1", "40.00", "80.00")));
    JsonPath order = owner.request().get("/work-orders/" + wo3).then().statusCode(200).extract().jsonPath();
    String hash = owner.request().get("/work-orders/" + wo3 + "/approvals").then().statusCode(200).extract()
        .path("documentHash");
    owner.request().body(Map.of("approverName", "Carla on the phone", "method", "PHONE", "documentHash", hash,
            "decisions", List.of(Map.of("lineId", order.getString("lines[0].id"), "approved", true),
                Map.of("lineId", order.getString("lines[1].id"), "approved", false))))
        .post("/work-orders/" + wo3 + "/approvals").then().statusCode(200);
    invoice(owner, wo3, owner.shopId());

    // open at the end of the day: an estimate still WAITING, a repair order IN_BAY
    shop.estimate();
    main.open.merge("WAITING", 1L, Long::sum);
    String inBay = shop.estimate();
    owner.request().post("/work-orders/" + inBay + "/repair-order").then().statusCode(200);
    owner.request().body(Map.of("status", "IN_BAY")).post("/work-orders/" + inBay + "/status").then().statusCode(200);
    main.open.merge("IN_BAY", 1L, Long::sum);

    Shop northBay = new Shop(north);
    String wo6 = northBay.estimate();
    northBay.addLines(wo6, List.of(labor(northSums, "3", "95.00", null), part(northSums, "1", "100.00", "150.00")));
    invoice(north, wo6, northShop);

    date = LocalDate.now(ZoneId.of(ZONE)).toString();
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

  private static String start(Api.Tenant who, Map<String, String> parameters) {
    Response r = who.request().body(Map.of("jobName", "daily-shop-report", "parameters", parameters))
        .post("/batch/executions");
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(201);
    return r.path("executionId").toString();
  }

  private static String blob(String key) {
    return new com.azure.storage.blob.BlobServiceClientBuilder().connectionString(Api.azurite()).buildClient()
        .getBlobContainerClient("backups").getBlobClient(key).downloadContent().toString();
  }

  private static byte[] blobBytes(String key) {
    return new com.azure.storage.blob.BlobServiceClientBuilder().connectionString(Api.azurite()).buildClient()
        .getBlobContainerClient("backups").getBlobClient(key).downloadContent().toBytes();
  }

  private static String output(JsonPath run, String suffix) {
    List<String> keys = run.getList("outputs.objectKey");
    return keys.stream().filter(k -> k.endsWith(suffix)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + suffix + " in " + keys));
  }

  private static List<CSVRecord> parse(String csv) throws Exception {
    return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv))
        .getRecords();
  }

  /** scope|shopId|metric|dimension -> value */
  private static Map<String, String> figures(List<CSVRecord> rows) {
    Map<String, String> out = new HashMap<>();
    for (CSVRecord r : rows) {
      out.put(r.get("scope") + "|" + r.get("shop_id") + "|" + r.get("metric") + "|" + r.get("dimension"),
          r.get("value"));
    }
    return out;
  }

  private static void assertFigures(Map<String, String> csv, String scope, String shopId, Expected e,
                                    BigDecimal invoiceSubtotal) {
    String p = scope + "|" + (shopId == null ? "" : shopId) + "|";
    BigDecimal sales = e.sales();
    BigDecimal profit = sales.subtract(e.cost);
    assertThat(csv.get(p + "car_count|")).as(p + "car_count").isEqualTo(Long.toString(e.cars));
    assertThat(csv.get(p + "line_items|")).as(p + "line_items").isEqualTo(Long.toString(e.lines));
    assertThat(csv.get(p + "sales|")).as(p + "sales").isEqualTo(sales.toPlainString());
    assertThat(csv.get(p + "labor_sales|")).isEqualTo(e.labor.setScale(2).toPlainString());
    assertThat(csv.get(p + "parts_sales|")).isEqualTo(e.parts.setScale(2).toPlainString());
    assertThat(csv.get(p + "fee_sales|")).isEqualTo(e.fees.setScale(2).toPlainString());
    assertThat(csv.get(p + "discounts|")).isEqualTo(e.discounts.setScale(2).toPlainString());
    assertThat(csv.get(p + "parts_cost|")).isEqualTo(e.cost.setScale(2).toPlainString());
    assertThat(csv.get(p + "parts_lines_without_cost|")).isEqualTo(Long.toString(e.partsWithoutCost));
    assertThat(csv.get(p + "gross_profit|")).isEqualTo(profit.toPlainString());
    assertThat(csv.get(p + "gross_profit_percent|")).isEqualTo(sales.signum() == 0 ? "n/a"
        : profit.multiply(BigDecimal.valueOf(100)).divide(sales, 1, RoundingMode.HALF_EVEN).toPlainString());
    assertThat(csv.get(p + "average_repair_order|")).isEqualTo(e.cars == 0 ? "n/a"
        : sales.divide(BigDecimal.valueOf(e.cars), 2, RoundingMode.HALF_EVEN).toPlainString());
    assertThat(csv.get(p + "labor_hours_sold|")).isEqualTo(e.hours.setScale(2).toPlainString());
    assertThat(csv.get(p + "effective_labor_rate|")).isEqualTo(e.hours.signum() == 0 ? "n/a"
        : e.labor.divide(e.hours, 2, RoundingMode.HALF_EVEN).toPlainString());
    // kpi-v2: nobody clocked and nothing came back in this fixture (ClockIT and ComebackIT compute real figures)
    assertThat(csv.get(p + "technician_hours_clocked|")).isEqualTo("0.00");
    assertThat(csv.get(p + "productivity_percent|")).isEqualTo("n/a");
    assertThat(csv.get(p + "comebacks|")).isEqualTo("0");
    assertThat(csv.get(p + "comeback_rate_percent|")).isEqualTo(e.cars == 0 ? "n/a" : "0.0");
    assertThat(csv.get(p + "invoice_subtotal|")).isEqualTo(invoiceSubtotal.setScale(2).toPlainString());
    assertThat(csv.get(p + "reconciled|")).isEqualTo("true");
    e.open.forEach((status, count) -> assertThat(csv.get("OPEN_WORK_ORDERS|" + (shopId == null ? "" : shopId)
        + "|open_work_orders|" + status)).as("open " + status).isEqualTo(count.toString()));
  }

  private static void assertReport(String csvText) throws Exception {
    List<CSVRecord> rows = parse(csvText);
    assertThat(rows).isNotEmpty().allSatisfy(r -> {
      assertThat(r.get("kpi_version")).isEqualTo("kpi-v2");
      assertThat(r.get("organization_id")).isEqualTo(owner.organizationId());
      assertThat(r.get("period_start")).isEqualTo(date);
      assertThat(r.get("time_zone")).isEqualTo(ZONE);
    });
    Map<String, String> csv = figures(rows);
    Expected total = new Expected();
    BigDecimal subtotals = BigDecimal.ZERO;
    for (Map.Entry<String, Expected> shop : EXPECTED.entrySet()) {
      assertFigures(csv, "SHOP", shop.getKey(), shop.getValue(), INVOICE_SUBTOTALS.get(shop.getKey()));
      total = total.plus(shop.getValue());
      subtotals = subtotals.add(INVOICE_SUBTOTALS.get(shop.getKey()));
    }
    assertFigures(csv, "ORGANIZATION", null, total, subtotals);
    // hours sold per technician: the owner did 2.0 h in Main, nobody was named on the rest
    assertThat(csv.entrySet().stream().filter(e -> e.getKey().startsWith("TECHNICIAN|" + owner.shopId()
            + "|technician_hours_sold|") && e.getKey().contains(ownerId)).map(Map.Entry::getValue))
        .containsExactly("2.00");
    assertThat(csv.get("TECHNICIAN|" + owner.shopId() + "|technician_hours_sold|(no technician)"))
        .isEqualTo("2.25");
    assertThat(csv.get("TECHNICIAN|" + northShop + "|technician_hours_sold|(no technician)")).isEqualTo("3.00");
  }

  @Test
  @Order(1)
  void aDayReportHasEveryShopsFiguresAsComputedFromTheBilledLinesAndIsMailed() throws Exception {
    String execution = start(owner, Map.of("date", date, "timeZone", ZONE, "chunkSize", "3",
        "recipients", "boss@example.com, books@example.com"));
    JsonPath run = awaitEnd(owner, execution);
    assertThat(run.getString("status")).as(run.prettify()).isEqualTo("COMPLETED");
    assertThat(run.getList("steps.name")).containsExactly("prepare", "aggregate", "publish");
    // one item per shop and day, each added up in the database; every billed line counted once
    assertThat(run.getLong("steps[1].readCount")).isEqualTo(EXPECTED.size());
    assertThat(countedLines(run.getLong("instanceId"))).isEqualTo(EXPECTED.values().stream().mapToLong(e -> e.lines).sum());
    assertThat(run.getString("steps[2].exitStatus")).contains("CARS 4", "RECONCILED true", "MAILED 2", "kpi-v2");

    String prefix = "reports/" + owner.organizationId() + "/daily-shop-report/" + date + "/";
    String csvKey = output(run, ".csv");
    String pdfKey = output(run, ".pdf");
    assertThat(csvKey).startsWith(prefix);
    assertThat(pdfKey).startsWith(prefix);
    firstCsv = blob(csvKey);
    assertReport(firstCsv);

    byte[] pdf = blobBytes(pdfKey);
    assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    Pdfs.assertPdfA2b(pdf, "shop report");
    Pdfs.picture(pdf, "shop-report");
    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(document.getNumberOfPages()).isPositive();
      String text = new PDFTextStripper().getText(document);
      // for the owner: each KPI beside the previous period and a year earlier, the time and comeback definitions said once,
      // the internal reconciliation check only in the CSV
      assertThat(text).contains("kpi-v2", "Shop report ", "Car count", "Previous", "A year earlier",
          "Average repair order", "Effective labor rate", "Efficiency is hours sold").doesNotContain("reconciled")
          .doesNotContain("not in this report");
      assertThat(text.split("Efficiency is hours sold", -1)).hasSize(2);
    }

    // one mail per recipient (each in their own name and language), both with the CSV and the PDF
    List<MimeMessage> mails = List.of(Mails.latestTo(MAIL::getReceivedMessages, "boss@example.com"),
        Mails.latestTo(MAIL::getReceivedMessages, "books@example.com"));
    List<String> to = new ArrayList<>();
    for (MimeMessage mail : mails) {
      to.add(mail.getAllRecipients()[0].toString());
    }
    assertThat(to).containsExactlyInAnyOrder("boss@example.com", "books@example.com");
    for (MimeMessage mail : mails) {
      assertThat(mail.getAllRecipients()).hasSize(1);
      assertThat(mail.getSubject()).contains("Shop report " + date);
      assertThat(Mails.html(mail)).contains("Car count");
      List<String> files = new ArrayList<>();
      for (BodyPart part : Mails.attachments(mail)) {
        files.add(part.getFileName());
        if (part.getFileName().endsWith(".csv")) {
          assertThat(new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(firstCsv);
        }
      }
      assertThat(files).hasSize(2).anyMatch(f -> f.endsWith(".csv")).anyMatch(f -> f.endsWith(".pdf"));
    }
  }

  @Test
  @Order(2)
  void aRunThatFailedInAChunkRestartsFromItsCheckpointAndCountsEveryLineOnce() throws Exception {
    long lines = EXPECTED.values().stream().mapToLong(e -> e.lines).sum();
    // a checkpoint per shop-day: the first execution commits the first shop (ids in creation order, Main then
    // North), then throws on the second (BATCH_FAULT_INJECTION)
    String failed = start(owner, Map.of("date", date, "timeZone", ZONE, "chunkSize", "1", "failAfterItems", "1"));
    JsonPath first = awaitEnd(owner, failed);
    assertThat(first.getString("status")).as(first.prettify()).isEqualTo("FAILED");
    assertThat(first.getString("error")).startsWith("aggregate");
    assertThat(first.getList("outputs")).isEmpty();
    long instance = first.getLong("instanceId");
    assertThat(countedLines(instance)).isEqualTo(EXPECTED.get(owner.shopId()).lines);

    Response restarted = owner.request().post("/batch/executions/" + failed + "/restart");
    restarted.then().statusCode(201);
    JsonPath second = awaitEnd(owner, restarted.path("executionId").toString());
    assertThat(second.getString("status")).as(second.prettify()).isEqualTo("COMPLETED");
    assertThat(second.getLong("instanceId")).isEqualTo(instance);
    // the restart read only the shop-day the failed execution had not committed
    assertThat(second.getLong("steps.find { it.name == 'aggregate' }.readCount")).isEqualTo(EXPECTED.size() - 1);
    assertThat(countedLines(instance)).isEqualTo(lines);
    // one CSV and one PDF, with exactly the figures of the run that never failed
    assertThat(second.getList("outputs.objectKey")).hasSize(2);
    String csv = blob(output(second, ".csv"));
    assertReport(csv);
    assertThat(csv).isEqualTo(firstCsv);
  }

  private static long countedLines(long instance) throws Exception {
    try (Connection c = Api.database();
         PreparedStatement st = c.prepareStatement("select lines_counted from report_runs where instance_id = ?")) {
      st.setLong(1, instance);
      try (ResultSet rs = st.executeQuery()) {
        assertThat(rs.next()).isTrue();
        return rs.getLong(1);
      }
    }
  }

  @Test
  @Order(3)
  void aScheduledReportRunsInTheSchedulesZoneAndMailsItsRecipients() throws Exception {
    String schedule = owner.request().body(Map.of("jobName", "daily-shop-report", "cron", "0 7 * * *",
            "timeZone", ZONE, "recipients", List.of("manager@example.com"), "parameters", Map.of("date", date)))
        .post("/batch/schedules").then().statusCode(201).extract().path("id");
    // due now rather than tomorrow at 07:00: the scheduler (every 2 s in the tests) fires it once
    try (Connection c = Api.database();
         PreparedStatement st = c.prepareStatement(
             "update batch_schedules set next_fire_at = now() - interval '1 second' where id = ?::uuid")) {
      st.setString(1, schedule);
      assertThat(st.executeUpdate()).isEqualTo(1);
    }
    String execution = null;
    for (int i = 0; i < 120 && execution == null; i++) {
      Thread.sleep(250);
      List<Map<String, Object>> runs = owner.request().get("/batch/executions").then().statusCode(200).extract()
          .jsonPath().getList("items");
      execution = runs.stream().filter(r -> schedule.equals(r.get("scheduleId")))
          .map(r -> r.get("executionId").toString()).findFirst().orElse(null);
    }
    assertThat(execution).as("the schedule fired").isNotNull();
    JsonPath run = awaitEnd(owner, execution);
    assertThat(run.getString("status")).as(run.prettify()).isEqualTo("COMPLETED");
    assertThat(run.getString("organizationId")).isEqualTo(owner.organizationId());
    assertThat(blob(output(run, ".csv"))).isEqualTo(firstCsv);
    MimeMessage mail = Mails.latestTo(MAIL::getReceivedMessages, "manager@example.com");
    assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("manager@example.com");
    owner.request().delete("/batch/schedules/" + schedule).then().statusCode(204);
  }

  @Test
  @Order(4)
  void anotherOrganizationsReportRunsAndSchedulesNeverShowThisOrganizationsData() throws Exception {
    Api.Tenant other = Api.newOrganization("report-b");
    Shop theirs = new Shop(other);
    String wo = theirs.estimate();
    theirs.addLines(wo, List.of(Shop.labor("Oil change", "0.5", "80.00")));
    theirs.invoiced(wo);

    // an organizationId parameter is ignored: a report is always the caller's organization
    String execution = start(other, Map.of("date", date, "timeZone", ZONE, "organizationId",
        owner.organizationId()));
    JsonPath run = awaitEnd(other, execution);
    assertThat(run.getString("status")).as(run.prettify()).isEqualTo("COMPLETED");
    assertThat(run.getString("organizationId")).isEqualTo(other.organizationId());
    assertThat(run.getList("outputs.objectKey", String.class))
        .allMatch(k -> k.startsWith("reports/" + other.organizationId() + "/daily-shop-report/" + date + "/"));
    String csv = blob(output(run, ".csv"));
    assertThat(csv).doesNotContain(owner.organizationId()).doesNotContain(owner.shopId()).doesNotContain(northShop)
        .doesNotContain(ownerId);
    Map<String, String> figures = figures(parse(csv));
    assertThat(figures.get("ORGANIZATION||car_count|")).isEqualTo("1");
    assertThat(figures.get("ORGANIZATION||sales|")).isEqualTo("40.00");
    assertThat(parse(csv)).allSatisfy(r -> assertThat(r.get("organization_id")).isEqualTo(other.organizationId()));

    // neither sees the other's runs; neither can stop, restart or read them
    List<Map<String, Object>> mine = owner.request().get("/batch/executions").then().statusCode(200).extract()
        .jsonPath().getList("items");
    assertThat(mine).isNotEmpty().allMatch(r -> owner.organizationId().equals(r.get("organizationId")));
    String ownersRun = mine.get(0).get("executionId").toString();
    other.request().get("/batch/executions/" + ownersRun).then().statusCode(404);
    other.request().post("/batch/executions/" + ownersRun + "/restart").then().statusCode(404);
    other.request().post("/batch/executions/" + ownersRun + "/stop").then().statusCode(404);
    assertThat(other.request().get("/batch/executions").then().statusCode(200).extract().jsonPath()
        .getList("items.executionId", String.class)).doesNotContain(ownersRun).contains(execution);
    owner.request().get("/batch/executions/" + execution).then().statusCode(404);
  }

  @Test
  @Order(5)
  void reportParametersThatCannotRunAreRefusedBeforeARunOrScheduleExists() {
    owner.request().body(Map.of("jobName", "daily-shop-report", "parameters", Map.of("period", "week")))
        .post("/batch/executions").then().statusCode(422).contentType("application/problem+json");
    owner.request().body(Map.of("jobName", "daily-shop-report", "parameters", Map.of("date", "2026-13-45")))
        .post("/batch/executions").then().statusCode(422);
    owner.request().body(Map.of("jobName", "daily-shop-report", "parameters", Map.of("timeZone", "Mars/Base")))
        .post("/batch/executions").then().statusCode(422);
    owner.request().body(Map.of("jobName", "daily-shop-report", "parameters", Map.of("recipients", "not-an-email")))
        .post("/batch/executions").then().statusCode(422);
    owner.request().body(Map.of("jobName", "daily-shop-report", "cron", "0 7 * * *", "timeZone", "UTC",
            "parameters", Map.of("period", "month", "month", "2026/11")))
        .post("/batch/schedules").then().statusCode(422);
    Api.demoAs("SERVICE_ADVISOR").request().body(Map.of("jobName", "daily-shop-report", "parameters", Map.of()))
        .post("/batch/executions").then().statusCode(403);
  }

  @Test
  @Order(6)
  void aMonthReportCoversTheWholeMonth() throws Exception {
    String month = date.substring(0, 7);
    JsonPath run = awaitEnd(owner, start(owner, Map.of("period", "month", "month", month, "timeZone", ZONE)));
    assertThat(run.getString("status")).as(run.prettify()).isEqualTo("COMPLETED");
    String csv = blob(output(run, ".csv"));
    List<CSVRecord> rows = parse(csv);
    assertThat(rows).allSatisfy(r -> {
      assertThat(r.get("period")).isEqualTo("MONTH");
      assertThat(r.get("period_start")).isEqualTo(month + "-01");
    });
    // the month includes today's invoices (at least these)
    long cars = Long.parseLong(figures(rows).get("ORGANIZATION||car_count|"));
    assertThat(cars).isGreaterThanOrEqualTo(4);
    assertThat(output(run, ".csv")).startsWith("reports/" + owner.organizationId() + "/daily-shop-report/"
        + month + "-01/");
  }

  /** Issue 16.6: the mail step mailed, then publish failed; the restarted publish mails no one a second time. */
  @Test
  @Order(7)
  void aPublishThatFailedAfterMailingMailsNoOneTwiceWhenRestarted() throws Exception {
    String recipient = "once-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    String failed = start(owner, Map.of("date", date, "timeZone", ZONE, "recipients", recipient,
        "failAfterMail", "true"));
    JsonPath first = awaitEnd(owner, failed);
    assertThat(first.getString("status")).as(first.prettify()).isEqualTo("FAILED");
    assertThat(first.getString("error")).startsWith("publish");

    Response restarted = owner.request().post("/batch/executions/" + failed + "/restart");
    restarted.then().statusCode(201);
    JsonPath second = awaitEnd(owner, restarted.path("executionId").toString());
    assertThat(second.getString("status")).as(second.prettify()).isEqualTo("COMPLETED");
    assertThat(second.getString("steps.find { it.name == 'publish' }.exitStatus")).contains("MAILED 1");

    Mails.awaitTo(MAIL::getReceivedMessages, recipient, 1);
    // one outbox row for the run and this recipient, delivered: nothing more is on its way
    try (Connection c = Api.database(); PreparedStatement st = c.prepareStatement(
        "select state, count(*) from outbox where destination = ? group by state")) {
      st.setString(1, recipient);
      try (ResultSet rs = st.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1) + " " + rs.getInt(2)).isEqualTo("SENT 1");
        assertThat(rs.next()).isFalse();
      }
    }
    assertThat(Mails.awaitTo(MAIL::getReceivedMessages, recipient, 1)).as("mails to " + recipient).hasSize(1);
  }
}
