package dev.mechanics.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import dev.mechanics.it.support.Api;
import dev.mechanics.it.support.Shop;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The technician's phone resends queued changes when the bay's Wi-Fi returns: with an Idempotency-Key each
 * arrives exactly once (inspection, photos, status moves).
 */
class IdempotentBayIT {

  private static byte[] jpeg(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    bytes[0] = (byte) 0xFF;
    bytes[1] = (byte) 0xD8;
    bytes[2] = (byte) 0xFF;
    bytes[3] = (byte) 0xE0;
    return bytes;
  }

  private static Map<String, Object> checklist(String condition) {
    return Map.of("items", List.of(Map.of("name", "Front brake pads", "condition", condition, "notes", "2 mm"),
        Map.of("name", "Tires", "condition", "GREEN")));
  }

  @Test
  void aResentInspectionIsAppliedOnceAndTheKeyWithAnotherChecklistIs422() {
    Api.Tenant owner = Api.newOrganization("idem-insp");
    String id = new Shop(owner).estimate();
    String key = UUID.randomUUID().toString();
    Response first = owner.request().header("Idempotency-Key", key).body(checklist("RED"))
        .put("/work-orders/" + id + "/inspection");
    first.then().statusCode(200).header("Idempotent-Replayed", "false");
    // someone changes the checklist afterwards; the late retry must not undo it
    owner.request().body(checklist("YELLOW")).put("/work-orders/" + id + "/inspection").then().statusCode(200);
    Response retry = owner.request().header("Idempotency-Key", key).body(checklist("RED"))
        .put("/work-orders/" + id + "/inspection");
    retry.then().statusCode(200).header("Idempotent-Replayed", "true").contentType("application/json");
    assertThat(retry.jsonPath().getList("items.condition")).isEqualTo(first.jsonPath().getList("items.condition"));
    assertThat(owner.request().get("/work-orders/" + id + "/inspection").jsonPath().getString("items[0].condition"))
        .as("the retry changed nothing").isEqualTo("YELLOW");
    owner.request().header("Idempotency-Key", key).body(checklist("GREEN")).put("/work-orders/" + id + "/inspection")
        .then().statusCode(422).contentType("application/problem+json")
        .body("errors.field", hasItem("Idempotency-Key"));
    owner.request().header("Idempotency-Key", "x".repeat(201)).body(checklist("GREEN"))
        .put("/work-orders/" + id + "/inspection").then().statusCode(400);
  }

  @Test
  void aResentStatusMoveAnswersTheFirstResultWithItsETagAndMovesOnce() {
    Api.Tenant owner = Api.newOrganization("idem-status");
    String id = new Shop(owner).estimate();
    String key = UUID.randomUUID().toString();
    Response first = owner.request().header("Idempotency-Key", key).body(Map.of("status", "IN_BAY"))
        .post("/work-orders/" + id + "/status");
    first.then().statusCode(200).header("Idempotent-Replayed", "false");
    Response retry = owner.request().header("Idempotency-Key", key).body(Map.of("status", "IN_BAY"))
        .post("/work-orders/" + id + "/status");
    retry.then().statusCode(200).header("Idempotent-Replayed", "true");
    assertThat(retry.header("ETag")).isEqualTo(first.header("ETag"));
    assertThat(retry.jsonPath().getString("status")).isEqualTo("IN_BAY");
    assertThat(owner.request().get("/work-orders/" + id + "/status-history").jsonPath().getList("items"))
        .as("one move recorded, not two").hasSize(2);
    assertThat(owner.request().get("/work-orders/" + id).header("ETag")).isEqualTo(first.header("ETag"));
    owner.request().header("Idempotency-Key", key).body(Map.of("status", "WAITING"))
        .post("/work-orders/" + id + "/status").then().statusCode(422);
    // a refused move keeps nothing: the same key may be used again for a move the board allows
    String other = UUID.randomUUID().toString();
    owner.request().header("Idempotency-Key", other).body(Map.of("status", "READY"))
        .post("/work-orders/" + id + "/status").then().statusCode(409);
    owner.request().header("Idempotency-Key", other).body(Map.of("status", "QUALITY_CHECK"))
        .post("/work-orders/" + id + "/status").then().statusCode(200).header("Idempotent-Replayed", "false");
    // If-Match keeps its meaning on the routes that take it
    owner.request().header("If-Match", "\"0\"").body(Map.of("complaint", "stale"))
        .put("/work-orders/" + id).then().statusCode(412);
  }

  @Test
  void aPhotoSentTwiceAtOnceOrLaterIsStoredOnce() throws Exception {
    Api.Tenant owner = Api.newOrganization("idem-photo");
    String id = new Shop(owner).estimate();
    byte[] photo = jpeg(200_000, 7);
    String key = UUID.randomUUID().toString();
    Callable<Response> send = () -> owner.request().contentType("image/jpeg").header("Idempotency-Key", key)
        .queryParam("name", "pads.jpg").body(photo).post("/work-orders/" + id + "/attachments");
    ExecutorService pool = Executors.newFixedThreadPool(3);
    List<Future<Response>> sent = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      sent.add(pool.submit(send));
    }
    List<String> ids = new ArrayList<>();
    int replayed = 0;
    for (Future<Response> f : sent) {
      Response r = f.get();
      r.then().statusCode(201);
      ids.add(r.jsonPath().getString("id"));
      replayed += "true".equals(r.header("Idempotent-Replayed")) ? 1 : 0;
    }
    pool.shutdown();
    assertThat(ids).as("every answer names the same attachment").containsOnly(ids.get(0));
    assertThat(replayed).isEqualTo(2);
    Response later = send.call();
    later.then().statusCode(201).header("Idempotent-Replayed", "true");
    assertThat(later.jsonPath().getString("id")).isEqualTo(ids.get(0));
    assertThat(later.header("Location")).endsWith("/attachments/" + ids.get(0));
    assertThat(owner.request().get("/work-orders/" + id + "/attachments").jsonPath().getList("items.id"))
        .containsExactly(ids.get(0));
    owner.request().get("/work-orders/" + id + "/attachments/" + ids.get(0)).then().statusCode(200);
    // the same key with another photo
    owner.request().contentType("image/jpeg").header("Idempotency-Key", key).queryParam("name", "pads.jpg")
        .body(jpeg(1000, 8)).post("/work-orders/" + id + "/attachments").then().statusCode(422)
        .contentType("application/problem+json");
    // without a key, two uploads are two attachments, as before
    for (int i = 0; i < 2; i++) {
      owner.request().contentType("image/jpeg").body(photo).post("/work-orders/" + id + "/attachments").then()
          .statusCode(201).header("Idempotent-Replayed", org.hamcrest.Matchers.nullValue());
    }
    assertThat(owner.request().get("/work-orders/" + id + "/attachments").jsonPath().getList("items")).hasSize(3);
  }
}
