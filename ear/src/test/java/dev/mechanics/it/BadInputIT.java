package dev.mechanics.it;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;

import dev.mechanics.it.support.Api;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** Bad input of every kind gets a 4xx problem+json with a clear message, never a 5xx or a stack trace. */
class BadInputIT {

  private final Api.Tenant owner = Api.demoAs("OWNER");

  @Test
  void malformedJsonIs400() {
    owner.request().body("{\"firstName\": \"Ann\", ").post("/customers").then().statusCode(400)
        .contentType("application/problem+json").body("title", equalTo("Malformed JSON"))
        .body("detail", containsString("line 1"));
    owner.request().body("[1, 2, 3]").post("/customers").then().statusCode(400)
        .contentType("application/problem+json");
    owner.request().body("").post("/customers").then().statusCode(400).contentType("application/problem+json");
  }

  @Test
  void wrongTypesAre400() {
    owner.request().body("{\"customerId\":\"x\",\"vin\":\"1HGCM82633A004352\",\"year\":\"nineteen\"}")
        .post("/vehicles").then().statusCode(400).contentType("application/problem+json");
    owner.request().body("{\"firstName\":{\"nested\":true},\"lastName\":\"B\"}").post("/customers")
        .then().statusCode(400).contentType("application/problem+json");
  }

  @Test
  void unknownAndMalformedIdsAre404() {
    owner.request().get("/customers/01a21470-0000-7000-8000-000000000000").then().statusCode(404)
        .contentType("application/problem+json");
    owner.request().get("/customers/not-a-uuid").then().statusCode(404).contentType("application/problem+json")
        .body("detail", containsString("not a valid id"));
    owner.request().get("/vehicles/%27%20or%201=1--").then().statusCode(404)
        .contentType("application/problem+json").body("detail", not(containsString("or 1=1")));
  }

  @Test
  void bodiesOverTheLimitAre413() {
    String huge = "{\"firstName\":\"" + "x".repeat(2 * 1024 * 1024) + "\",\"lastName\":\"B\"}";
    owner.request().body(huge).post("/customers").then().statusCode(413).contentType("application/problem+json");
  }

  @Test
  void unsupportedMediaTypesAre415() {
    owner.request().contentType(ContentType.XML).body("<customer/>").post("/customers").then().statusCode(415)
        .contentType("application/problem+json");
  }

  @Test
  void unknownRoutesAndMethodsAre4xxProblems() {
    owner.request().get("/no-such-thing").then().statusCode(404).contentType("application/problem+json");
    Api.anonymous().baseUri(Api.baseUrl()).basePath("/").get("/no/such/page").then().statusCode(404)
        .contentType("application/problem+json");
    owner.request().patch("/customers").then().statusCode(405).contentType("application/problem+json");
  }

  @Test
  void badListParametersAre400() {
    owner.request().queryParam("limit", "abc").get("/customers").then().statusCode(400)
        .body("errors.field", hasItem("limit"));
    owner.request().queryParam("limit", "0").get("/customers").then().statusCode(400);
    owner.request().queryParam("after", "garbage!").get("/customers").then().statusCode(400)
        .body("errors.field", hasItem("after"));
    // issue 15.10: a well-formed entity tag that is none of ours matches no version (412, RFC 9110); only
    // something that is no entity tag at all is a bad request
    String customer = owner.createCustomer("If", "Match");
    owner.request().header("If-Match", "W/\"abc\"").body("{\"firstName\":\"A\",\"lastName\":\"B\"}")
        .put("/customers/" + customer).then().statusCode(412);
    owner.request().header("If-Match", "abc").body("{\"firstName\":\"A\",\"lastName\":\"B\"}")
        .put("/customers/" + customer).then().statusCode(400).body("errors.field", hasItem("If-Match"));
  }

  @Test
  void noBadInputEverReturnsAStackTrace() {
    String[] bodies = {"{", "null", "\"str\"", "{\"firstName\":null}", "{\"firstName\":1e999}",
        "{\"firstName\":\"\\ud800\"}", "{\"firstName\":\"A\",\"lastName\":\"B\",\"organizationId\":\"x\"}"};
    for (String body : bodies) {
      owner.request().body(body).post("/customers").then().statusCode(lessThan(500))
          .body(not(containsString("Exception"))).body(not(containsString("at dev.mechanics")));
    }
  }
}
