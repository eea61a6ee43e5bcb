package dev.mechanics.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.mechanics.it.support.Api;
import dev.mechanics.it.support.Shop;
import dev.mechanics.it.support.Vins;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** What the customer's phone shows from the approval link: shop, vehicle, lines, inspection and its photos. */
class ApprovalPageIT {

  private static byte[] jpeg(int size) {
    byte[] bytes = new byte[size];
    new Random(size).nextBytes(bytes);
    bytes[0] = (byte) 0xFF;
    bytes[1] = (byte) 0xD8;
    bytes[2] = (byte) 0xFF;
    bytes[3] = (byte) 0xE0;
    return bytes;
  }

  private static String pathOf(String url) {
    return url.substring(url.indexOf("/approvals/"));
  }

  private static String upload(Api.Tenant who, String workOrder, String type, byte[] body) {
    return who.request().contentType(type).queryParam("name", "photo").body(body)
        .post("/work-orders/" + workOrder + "/attachments").then().statusCode(201).extract().path("id");
  }

  @Test
  void theApprovalPageShowsWhatJustifiesTheWorkAndItsPhotosLoadWithoutSignIn() throws Exception {
    Api.Tenant advisor = Api.demoAs("SERVICE_ADVISOR");
    String customer = advisor.createCustomer("Petra", "Phone");
    String vehicle = advisor.request().body(Map.of("customerId", customer, "vin", Vins.random(), "make", "Honda",
        "model", "Civic", "year", 2019, "plate", "PHN-360")).post("/vehicles").then().statusCode(201).extract()
        .path("id");
    Shop shop = new Shop(advisor);
    String id = shop.estimateFor(customer, vehicle);
    shop.addLines(id, List.of(Shop.labor("Replace front pads", "1.5", "120.00"),
        Shop.part("Brake pads", "2", "17.31", "45.00")));
    advisor.request().body(Map.of("items", List.of(Map.of("name", "Front brake pads", "condition", "RED",
        "notes", "2 mm left"), Map.of("name", "Tires", "condition", "GREEN")))).put("/work-orders/" + id
        + "/inspection").then().statusCode(200);
    byte[] photo = jpeg(50_000);
    String photoId = upload(advisor, id, "image/jpeg", photo);
    String pdfId = upload(advisor, id, "application/pdf", "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n".getBytes());
    String other = shop.estimate();
    String otherPhoto = upload(advisor, other, "image/jpeg", jpeg(1000));

    String url = pathOf(advisor.request().body(Map.of()).post("/work-orders/" + id + "/approval-link").then()
        .statusCode(201).extract().path("url"));
    Response page = Api.anonymous().get(url);
    page.then().statusCode(200);
    JsonPath json = page.jsonPath();
    assertThat(json.getString("shop.name")).isEqualTo("Downtown");
    assertThat(json.getString("shop.phone")).isNotBlank();
    assertThat(json.getMap("vehicle")).containsEntry("year", 2019).containsEntry("make", "Honda")
        .containsEntry("model", "Civic").containsEntry("plate", "PHN-360");
    assertThat(json.getList("lines.kind")).containsExactly("LABOR", "PART");
    assertThat(json.getList("lines.description")).containsExactly("Replace front pads", "Brake pads");
    assertThat(new java.math.BigDecimal(json.getString("lines[1].quantity"))).isEqualByComparingTo("2");
    assertThat(json.getString("lines[1].unitPrice")).isEqualTo("45.00");
    assertThat(json.getString("lines[1].amount")).isEqualTo("90.00");
    assertThat(json.getString("lines[0].amount")).isEqualTo("180.00");
    assertThat(json.getString("totals.total")).isNotBlank();
    assertThat(page.asString()).as("no cost reaches the customer").doesNotContain("17.31", "unitCost");
    assertThat(json.getList("inspection.name")).containsExactly("Front brake pads", "Tires");
    assertThat(json.getList("inspection.condition")).containsExactly("RED", "GREEN");
    assertThat(json.getString("inspection[0].notes")).isEqualTo("2 mm left");
    assertThat(json.getList("photos.id")).as("images only").containsExactly(photoId);
    String photoUrl = json.getString("photos[0].url");
    assertThat(photoUrl).endsWith(url + "/photos/" + photoId);

    byte[] loaded = Api.anonymous().get(pathOf(photoUrl)).then().statusCode(200).contentType("image/jpeg")
        .header("X-Content-Type-Options", "nosniff").extract().asByteArray();
    assertThat(loaded).isEqualTo(photo);
    // only the photos of this work order, through this link
    for (String notShown : List.of(pdfId, otherPhoto, "not-an-id")) {
      Api.anonymous().get(url + "/photos/" + notShown).then().statusCode(404)
          .contentType("application/problem+json");
    }
    String tampered = url.substring(0, url.length() - 2) + (url.endsWith("A") ? "BB" : "AA");
    Response forged = Api.anonymous().get(tampered + "/photos/" + photoId);
    forged.then().statusCode(404).contentType("application/problem+json")
        .body("type", equalTo("https://mechanics.dev/problems/approval-link-invalid"));
    assertThat(forged.asString()).doesNotContain("Downtown", "Brake pads");

    // per-line answers with the typed name as signature; then the link is used: the shop to call, nothing else
    Api.anonymous().body(Map.of("approverName", "Petra Phone", "documentHash", json.getString("documentHash"),
            "decisions", List.of(Map.of("lineId", json.getString("lines[0].id"), "approved", true),
                Map.of("lineId", json.getString("lines[1].id"), "approved", false))))
        .post(url).then().statusCode(200).body("approved", equalTo(1)).body("declined", equalTo(1));
    Response used = Api.anonymous().get(url);
    used.then().statusCode(409).contentType("application/problem+json")
        .body("type", equalTo("https://mechanics.dev/problems/approval-link-used"))
        .body("shop.name", equalTo("Downtown"));
    assertThat(used.asString()).doesNotContain("Brake pads", "PHN-360", "photos");
    Api.anonymous().get(url + "/photos/" + photoId).then().statusCode(409)
        .body("shop.name", equalTo("Downtown"));

    // an expired link: its photos stop too
    shop.addLines(other, List.of(Shop.priced("FEE", "Diagnosis", "80.00")));
    String expiredUrl = pathOf(advisor.request().body(Map.of()).post("/work-orders/" + other
        + "/approval-link").then().statusCode(201).extract().path("url"));
    Api.anonymous().get(expiredUrl + "/photos/" + otherPhoto).then().statusCode(200);
    try (Connection db = Api.database()) {
      db.createStatement().executeUpdate("update approval_links set expires_at = now() - interval '1 minute' "
          + "where work_order_id = '" + other + "'");
    }
    Api.anonymous().get(expiredUrl + "/photos/" + otherPhoto).then().statusCode(410)
        .contentType("application/problem+json").body("shop.name", equalTo("Downtown"));
    Response late = Api.anonymous().get(expiredUrl);
    late.then().statusCode(410).body("shop.phone", equalTo(json.getString("shop.phone")));
    assertThat(late.asString()).doesNotContain("lines", "photos");
  }
}
