package dev.mechanics.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.ListBlobsOptions;
import dev.mechanics.it.support.Api;
import dev.mechanics.it.support.Shop;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AttachmentIT {

  private static byte[] jpeg(int size) {
    byte[] bytes = new byte[size];
    new Random(size).nextBytes(bytes);
    bytes[0] = (byte) 0xFF;
    bytes[1] = (byte) 0xD8;
    bytes[2] = (byte) 0xFF;
    bytes[3] = (byte) 0xE0;
    return bytes;
  }

  private static BlobContainerClient uploads() {
    return new BlobServiceClientBuilder().connectionString(Api.azurite()).buildClient()
        .getBlobContainerClient("uploads");
  }

  private static int blobsUnder(Api.Tenant tenant, String workOrder) {
    BlobContainerClient container = uploads();
    if (!container.exists()) {
      return 0;
    }
    String prefix = tenant.organizationId() + "/work-orders/" + workOrder + "/";
    return (int) container.listBlobs(new ListBlobsOptions().setPrefix(prefix), null).stream().count();
  }

  private static int rowsFor(String workOrder) throws Exception {
    try (Connection db = Api.database(); ResultSet rs = db.createStatement()
        .executeQuery("select count(*) from attachments where work_order_id = '" + workOrder + "'")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  @Test
  void aPhotoStreamsToBlobStorageAndComesBackOnlyThroughAnAuthorizedCall() throws Exception {
    Api.Tenant owner = Api.newOrganization("att");
    String id = new Shop(owner).estimate();
    byte[] photo = jpeg(3 * 1024 * 1024 + 17);
    String attachment = owner.request().contentType("image/jpeg").queryParam("name", "left front brake.jpg")
        .body(photo).post("/work-orders/" + id + "/attachments").then().statusCode(201)
        .body("contentType", equalTo("image/jpeg")).body("size", equalTo(photo.length)).extract().path("id");
    assertThat(blobsUnder(owner, id)).as("the photo is in Azurite's uploads container").isEqualTo(1);

    owner.request().get("/work-orders/" + id + "/attachments").then().statusCode(200)
        .body("items.fileName", contains("left front brake.jpg"));
    byte[] back = owner.request().get("/work-orders/" + id + "/attachments/" + attachment).then().statusCode(200)
        .contentType("image/jpeg").header("X-Content-Type-Options", "nosniff").extract().asByteArray();
    assertThat(back).isEqualTo(photo);

    Api.anonymous().get("/work-orders/" + id + "/attachments/" + attachment).then().statusCode(401);
    Api.newOrganization("att-other").request().get("/work-orders/" + id + "/attachments/" + attachment)
        .then().statusCode(404);
    byte[] pdf = "%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n".getBytes();
    owner.request().contentType("application/pdf").body(pdf).post("/work-orders/" + id + "/attachments")
        .then().statusCode(201).body("contentType", equalTo("application/pdf"));
  }

  @Test
  void aFileThatClaimsToBeAJpegButIsNotIsRefusedAndNothingIsStored() throws Exception {
    Api.Tenant owner = Api.newOrganization("att-fake");
    String id = new Shop(owner).estimate();
    owner.request().contentType("image/jpeg").body("<html>not a photo</html>".getBytes())
        .post("/work-orders/" + id + "/attachments").then().statusCode(422)
        .contentType("application/problem+json").body("errors.field", hasItem("file"));
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    owner.request().contentType("image/jpeg").body(png).post("/work-orders/" + id + "/attachments")
        .then().statusCode(422).body("detail", org.hamcrest.Matchers.containsString("image/png"));
    owner.request().contentType("text/plain").body("hello").post("/work-orders/" + id + "/attachments")
        .then().statusCode(415).contentType("application/problem+json");
    assertThat(rowsFor(id)).isZero();
    assertThat(blobsUnder(owner, id)).isZero();
  }

  @Test
  void anUploadOverTheLimitIs413AndLeavesNothingBehind() throws Exception {
    Api.Tenant owner = Api.newOrganization("att-big");
    String id = new Shop(owner).estimate();
    byte[] big = jpeg(10 * 1024 * 1024 + 1);
    owner.request().contentType("image/jpeg").body(big).post("/work-orders/" + id + "/attachments")
        .then().statusCode(413).contentType("application/problem+json");
    // the same without Content-Length (chunked): stopped while streaming
    InputStream chunked = new ByteArrayInputStream(big);
    owner.request().contentType("image/jpeg").body(chunked).post("/work-orders/" + id + "/attachments")
        .then().statusCode(413).contentType("application/problem+json");
    assertThat(rowsFor(id)).isZero();
    assertThat(blobsUnder(owner, id)).isZero();
  }

  @Test
  void theInspectionChecklistIsFilledInByTheTechnician() {
    Shop shop = new Shop(Api.demoAs("SERVICE_ADVISOR"));
    String id = shop.estimate();
    Api.Tenant technician = Api.demoAs("TECHNICIAN");
    shop.assign(id, Shop.userIdOf(technician));
    technician.request().body(Map.of("items", List.of(
            Map.of("name", "Brake pads", "condition", "RED", "notes", "2 mm left"),
            Map.of("name", "Tyres", "condition", "GREEN"),
            Map.of("name", "Wipers", "condition", "YELLOW", "notes", "streaking"))))
        .put("/work-orders/" + id + "/inspection").then().statusCode(200)
        .body("items.condition", contains("RED", "GREEN", "YELLOW"));
    technician.request().get("/work-orders/" + id + "/inspection").then().statusCode(200)
        .body("items[0].notes", equalTo("2 mm left"));
    technician.request().body(Map.of("items", List.of(Map.of("name", "Lights", "condition", "PURPLE"))))
        .put("/work-orders/" + id + "/inspection").then().statusCode(400);
  }

  /** The bay's app sends a change made offline with the ETag it was made on: it never overwrites a newer one. */
  @Test
  void anInspectionMadeOnAnOlderChecklistIsRefusedNotOverwriting() {
    Api.Tenant owner = Api.newOrganization("att-insp-etag");
    String id = new Shop(owner).estimate();
    String path = "/work-orders/" + id + "/inspection";
    String empty = owner.request().get(path).then().statusCode(200).extract().header("ETag");
    assertThat(empty).as("the checklist has a version").isNotBlank();
    Map<String, Object> brakes = Map.of("items", List.of(Map.of("name", "Brake pads", "condition", "RED")));
    Map<String, Object> tyres = Map.of("items", List.of(Map.of("name", "Tyres", "condition", "GREEN")));

    String afterBrakes = owner.request().header("If-Match", empty).body(brakes).put(path).then().statusCode(200)
        .extract().header("ETag");
    assertThat(afterBrakes).isNotEqualTo(empty);
    // a second change made on the empty checklist (the first one's author was offline): refused, nothing lost
    owner.request().header("If-Match", empty).body(tyres).put(path).then().statusCode(412)
        .contentType("application/problem+json");
    owner.request().get(path).then().statusCode(200).header("ETag", afterBrakes)
        .body("items.name", contains("Brake pads"));
    owner.request().header("If-Match", afterBrakes).body(tyres).put(path).then().statusCode(200)
        .body("items.name", contains("Tyres"));
    owner.request().header("If-Match", "W/\"3\", \"4\"").body(tyres).put(path).then().statusCode(400);
    owner.request().body(brakes).put(path).then().statusCode(200); // without If-Match: whatever it is

    // the bay's outbox retries a change whose answer was lost: same key, same If-Match, the first answer again
    String before = owner.request().get(path).then().extract().header("ETag");
    String key = java.util.UUID.randomUUID().toString();
    String after = owner.request().header("If-Match", before).header("Idempotency-Key", key).body(tyres).put(path)
        .then().statusCode(200).extract().header("ETag");
    owner.request().header("If-Match", before).header("Idempotency-Key", key).body(tyres).put(path).then()
        .statusCode(200).header("ETag", after).header("Idempotent-Replayed", "true");
  }

  /** Issue 15.10: a name with an emoji (two UTF-16 units, one character) answered 500. */
  @Test
  void aFileNameWithAnEmojiIsKeptAsAPlainName() {
    Api.Tenant owner = Api.newOrganization("att-emoji");
    String id = new Shop(owner).estimate();
    String attachment = owner.request().contentType("image/jpeg")
        .queryParam("name", "\uD83D\uDE97 front \u00e9t\u00e9.jpg").body(jpeg(2048))
        .post("/work-orders/" + id + "/attachments").then().statusCode(201)
        .body("fileName", equalTo("_ front _t_.jpg")).extract().path("id");
    owner.request().get("/work-orders/" + id + "/attachments/" + attachment).then().statusCode(200)
        .header("Content-Disposition", "attachment; filename=\"_ front _t_.jpg\"");
    owner.request().contentType("image/jpeg").queryParam("name", "\uD83D\uDE97".repeat(300)).body(jpeg(2048))
        .post("/work-orders/" + id + "/attachments").then().statusCode(201).body("fileName", equalTo("attachment"));
  }
}
