package dev.mechanics.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mechanics.it.support.Api;
import dev.mechanics.it.support.Shop;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 goal 3: the SQL statements of one authenticated request, counted by Hibernate's statement inspector
 * for the whole request (authentication, the query, the audit row) and reported in its access record
 * ({@code ext_statements}). The caller is cached (docs/adr/0051): a request after the first of its session spends
 * its statements on its own data only.
 */
class StatementCountIT {

  /** The statements of one request, made with a request id of its own and read back from its access record. */
  private static int statements(Api.Tenant caller, Function<RequestSpecification, io.restassured.response.Response> call,
                                int expectedStatus) throws Exception {
    return statements(caller.request(), call, expectedStatus);
  }

  private static int statements(RequestSpecification base,
                                Function<RequestSpecification, io.restassured.response.Response> call,
                                int expectedStatus) throws Exception {
    String requestId = "count-" + UUID.randomUUID();
    call.apply(base.header("X-Request-Id", requestId)).then().statusCode(expectedStatus);
    for (int attempt = 0; attempt < 40; attempt++) {
      for (JsonNode line : ObservabilityIT.serverLog()) {
        if (requestId.equals(line.path("ext_requestId").asText()) && "access".equals(line.path("message").asText())) {
          assertThat(line.has("ext_statements")).as("the access record counts statements").isTrue();
          return line.path("ext_statements").asInt();
        }
      }
      Thread.sleep(250);
    }
    throw new AssertionError("no access record for " + requestId);
  }

  @Test
  void oneCustomerAListAndACreateCostTwoTwoAndFourStatements() throws Exception {
    Api.Tenant owner = Api.newOrganization("counted");
    String id = owner.createCustomer("Counted", "Smithers");
    owner.createCustomer("Counted", "Smithson");
    int get = statements(owner, r -> r.get("/customers/" + id), 200);
    int list = statements(owner, r -> r.queryParam("q", "Smi").queryParam("limit", 20).get("/customers"), 200);
    int create = statements(owner, r -> r.body(Map.of("firstName", "New", "lastName", "Counted"))
        .post("/customers"), 201);
    assertThat(get).as("get one customer").isBetween(1, 2);
    assertThat(list).as("list 20 by name prefix").isBetween(1, 2);
    assertThat(create).as("create a customer with its audit row").isBetween(2, 4);
  }

  @Test
  void theBoardCostsAtMostThreeStatementsWhateverTheNumberOfCards() throws Exception {
    Api.Tenant owner = Api.newOrganization("counted-board");
    Shop shop = new Shop(owner);
    shop.estimate();
    Function<RequestSpecification, io.restassured.response.Response> board = r -> r
        .queryParam("shopId", owner.shopId()).queryParam("limit", 50).get("/work-orders");
    int oneCard = statements(owner, board, 200);
    List<String> more = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      more.add(shop.estimate());
    }
    int manyCards = statements(owner, board, 200);
    assertThat(owner.request().queryParam("shopId", owner.shopId()).queryParam("limit", 50).get("/work-orders")
        .then().statusCode(200).extract().jsonPath().getList("items")).hasSize(13);
    assertThat(oneCard).as("a board of one card").isBetween(1, 3);
    assertThat(manyCards).as("a board of 13 cards").isEqualTo(oneCard);
  }

  @Test
  void onlyTheFirstRequestOfASessionAsksWhoTheCallerIs() throws Exception {
    Api.Tenant owner = Api.newOrganization("counted-caller");
    String id = owner.createCustomer("Cached", "Caller");
    Api.Tenant fresh = new Api.Tenant(Api.login(emailOf(owner), passwordOf(owner)), owner.organizationId(),
        owner.shopId());
    int first = statements(fresh, r -> r.get("/customers/" + id), 200);
    int second = statements(fresh, r -> r.get("/customers/" + id), 200);
    assertThat(second).as("the same read, the caller cached").isLessThan(first).isLessThanOrEqualTo(2);
    int unauthenticated = statements(Api.anonymous(), r -> r.get("/me"), 401);
    assertThat(unauthenticated).isZero();
  }

  private static String emailOf(Api.Tenant tenant) {
    return tenant.request().get("/me").then().statusCode(200).extract().path("email");
  }

  /** Api.newOrganization's password for its owner's address. */
  private static String passwordOf(Api.Tenant tenant) {
    String email = emailOf(tenant);
    return "correct horse battery " + email.substring("owner-".length(), email.indexOf('@'));
  }
}
