package dev.mechanics.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import dev.mechanics.it.support.Api;
import dev.mechanics.it.support.Shop;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Short-lived download links of attachments: a read-only SAS for one blob, here against Azurite. */
class AttachmentLinkIT {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static byte[] jpeg(int size) {
    byte[] bytes = new byte[size];
    new Random(size).nextBytes(bytes);
    bytes[0] = (byte) 0xFF;
    bytes[1] = (byte) 0xD8;
    bytes[2] = (byte) 0xFF;
    bytes[3] = (byte) 0xE0;
    return bytes;
  }

  private static HttpResponse<byte[]> fetch(String url) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void aDownloadLinkReadsExactlyThatBlobWithoutATokenUntilItExpires() throws Exception {
    Api.Tenant owner = Api.newOrganization("att-link");
    String workOrder = new Shop(owner).estimate();
    byte[] photo = jpeg(512 * 1024 + 7);
    String attachment = owner.request().contentType("image/jpeg").queryParam("name", "rear axle.jpg").body(photo)
        .post("/work-orders/" + workOrder + "/attachments").then().statusCode(201).extract().path("id");
    String other = owner.request().contentType("image/jpeg").body(jpeg(1000))
        .post("/work-orders/" + workOrder + "/attachments").then().statusCode(201).extract().path("id");
    String path = "/work-orders/" + workOrder + "/attachments/" + attachment + "/download-link";

    Instant before = Instant.now();
    var link = owner.request().post(path).then().statusCode(200).extract();
    String url = link.path("url");
    Instant expiresAt = Instant.parse(link.path("expiresAt"));
    String blobEndpoint = Api.azurite().replaceAll(".*BlobEndpoint=([^;]+);.*", "$1");
    assertThat(url).startsWith(blobEndpoint).contains("sig=").contains("sp=r");
    String blobPath = java.net.URLDecoder.decode(url.substring(0, url.indexOf('?')),
        java.nio.charset.StandardCharsets.UTF_8);
    assertThat(blobPath).as("a SAS for a blob of this work order")
        .contains("/uploads/" + owner.organizationId() + "/work-orders/" + workOrder + "/");
    assertThat(expiresAt).isAfter(before).isBeforeOrEqualTo(before.plus(Duration.ofMinutes(5)).plusSeconds(5));

    HttpResponse<byte[]> download = fetch(url);
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(photo);
    assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(
        d -> assertThat(d).contains("rear axle.jpg"));

    // tampered: another signature, another blob under the same signature, more permissions
    String signature = url.replaceAll(".*[?&]sig=([^&]+).*", "$1");
    Api.rememberSecret("SAS", signature);
    Api.rememberSecret("SAS", java.net.URLDecoder.decode(signature, java.nio.charset.StandardCharsets.UTF_8));
    String otherSignature = (signature.charAt(0) == 'A' ? "B" : "A") + signature.substring(1);
    assertThat(fetch(url.replace(signature, otherSignature)).statusCode()).isEqualTo(403);
    String otherBlob = owner.request().post("/work-orders/" + workOrder + "/attachments/" + other
        + "/download-link").then().statusCode(200).extract().path("url");
    String otherBlobPath = otherBlob.substring(0, otherBlob.indexOf('?'));
    assertThat(fetch(otherBlobPath + url.substring(url.indexOf('?'))).statusCode()).isEqualTo(403);
    assertThat(fetch(url.replace("sp=r", "sp=rw")).statusCode()).isEqualTo(403);
    assertThat(fetch(url.substring(0, url.indexOf('?'))).statusCode()).as("no SAS at all").isIn(403, 404);

    // expired: a one-second link, asked for with ?seconds=
    String shortLived = owner.request().queryParam("seconds", 1).post(path).then().statusCode(200).extract()
        .path("url");
    Thread.sleep(2500);
    assertThat(fetch(shortLived).statusCode()).isEqualTo(403);
    assertThat(fetch(url).statusCode()).as("the five-minute link still works").isEqualTo(200);
  }

  @Test
  void onlyWhoMayDownloadTheAttachmentGetsALink() {
    Shop shop = new Shop(Api.demoAs("SERVICE_ADVISOR"));
    String workOrder = shop.estimate();
    Api.Tenant technician = Api.demoAs("TECHNICIAN");
    // a technician reaches only work assigned to them: first not, then on the job
    technician.request().contentType("image/jpeg").body(jpeg(2048)).post("/work-orders/" + workOrder
        + "/attachments").then().statusCode(404);
    shop.assign(workOrder, Shop.userIdOf(technician));
    String attachment = technician.request().contentType("image/jpeg").body(jpeg(2048))
        .post("/work-orders/" + workOrder + "/attachments").then().statusCode(201).extract().path("id");
    String path = "/work-orders/" + workOrder + "/attachments/" + attachment + "/download-link";
    technician.request().post(path).then().statusCode(200);
    Api.anonymous().post(path).then().statusCode(401).contentType("application/problem+json");
    Api.newOrganization("att-link-other").request().post(path).then().statusCode(404)
        .contentType("application/problem+json");
    technician.request().queryParam("seconds", 0).post(path).then().statusCode(400)
        .body("errors.field", hasItem("seconds"));
    technician.request().queryParam("seconds", 3601).post(path).then().statusCode(400);
    technician.request().queryParam("seconds", "soon").post(path).then().statusCode(400);
    // the API's own signed links (local folder store) refuse anything they did not sign
    Api.anonymous().queryParam("token", "bm90LWEtdG9rZW4.c2lnbmF0dXJl")
        .get("/work-orders/" + workOrder + "/attachments/" + attachment + "/content").then().statusCode(404)
        .contentType("application/problem+json");
    Api.anonymous().get("/work-orders/" + workOrder + "/attachments/" + attachment + "/content").then()
        .statusCode(404);
  }
}
