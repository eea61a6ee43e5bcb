package dev.mechanics.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.mechanics.it.support.Api;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CustomerIT {

  @Test
  void registerReadChangeAndRemoveACustomer() {
    Api.Tenant advisor = Api.demoAs("SERVICE_ADVISOR");
    Response created = advisor.request().body(Map.of("firstName", "Rosa", "lastName", "Parks",
        "email", "Rosa.Parks@Example.com", "phone", "(555) 010-7788", "address", "12 Elm St")).post("/customers");
    created.then().statusCode(201).header("ETag", equalTo("\"0\"")).body("email", equalTo("rosa.parks@example.com"));
    String id = created.path("id");
    assertThat(created.header("Location")).endsWith("/api/v1/customers/" + id);

    advisor.request().get("/customers/" + id).then().statusCode(200).body("phone", equalTo("(555) 010-7788"))
        .header("ETag", equalTo("\"0\""));
    advisor.request().body(Map.of("firstName", "Rosa", "lastName", "Parks-Lee")).put("/customers/" + id)
        .then().statusCode(428);
    advisor.request().header("If-Match", "\"3\"").body(Map.of("firstName", "Rosa", "lastName", "Parks-Lee"))
        .put("/customers/" + id).then().statusCode(412);
    advisor.request().header("If-Match", "\"0\"").body(Map.of("firstName", "Rosa", "lastName", "Parks-Lee"))
        .put("/customers/" + id).then().statusCode(200).header("ETag", equalTo("\"1\""))
        .body("lastName", equalTo("Parks-Lee")).body("email", nullValue());

    advisor.request().delete("/customers/" + id).then().statusCode(403);
    Api.demoAs("MANAGER").request().delete("/customers/" + id).then().statusCode(204);
    advisor.request().get("/customers/" + id).then().statusCode(404);
  }

  @Test
  void searchFindsByNamePrefixAndExactPhoneOrEmail() {
    Api.Tenant owner = Api.newOrganization("search");
    owner.request().body(Map.of("firstName", "Zelda", "lastName", "Quartermain", "email", "zq@example.com",
        "phone", "+1 (312) 555-9911")).post("/customers").then().statusCode(201);
    owner.createCustomer("Other", "Person");
    owner.request().queryParam("q", "quarter").get("/customers").then().statusCode(200)
        .body("items.lastName", contains("Quartermain"));
    owner.request().queryParam("q", "ZEL").get("/customers").then().body("items.firstName", contains("Zelda"));
    // contact data is encrypted: found exactly through its blind index, never by a prefix
    owner.request().queryParam("q", "ZQ@example.com").get("/customers").then().body("items", hasSize(1));
    owner.request().queryParam("q", "zq@").get("/customers").then().body("items", hasSize(0));
    owner.request().queryParam("q", "13125559911").get("/customers").then().body("items", hasSize(1));
    owner.request().queryParam("q", "+1 312 555 9911").get("/customers").then().body("items", hasSize(1));
    owner.request().queryParam("q", "1312555").get("/customers").then().body("items", hasSize(0));
    owner.request().queryParam("q", "%").get("/customers").then().body("items", hasSize(0));
    // LIKE's wildcards in the box are plain characters; a search pages as the whole list does
    owner.createCustomer("Quint", "Quarter_s");
    owner.request().queryParam("q", "quarter_").get("/customers").then().body("items.firstName", contains("Quint"));
    owner.request().queryParam("q", "quarterm_").get("/customers").then().body("items", hasSize(0));
    Response first = owner.request().queryParam("q", "QUARTER").queryParam("limit", 1).get("/customers");
    first.then().statusCode(200).body("items", hasSize(1));
    String next = first.path("next");
    assertThat(next).isNotNull();
    Response second = owner.request().queryParam("q", "QUARTER").queryParam("limit", 1).queryParam("after", next)
        .get("/customers");
    second.then().statusCode(200).body("items", hasSize(1)).body("next", nullValue());
    assertThat(List.of(first.<String>path("items[0].lastName"), second.<String>path("items[0].lastName")))
        .containsExactlyInAnyOrder("Quartermain", "Quarter_s");
  }

  @Test
  void techniciansCannotChangeCustomers() {
    Api.demoAs("TECHNICIAN").request().body(Map.of("firstName", "A", "lastName", "B")).post("/customers")
        .then().statusCode(403).contentType("application/problem+json");
  }

  @Test
  void anotherOrganizationsCustomerIsInvisibleEverywhere() {
    Api.Tenant a = Api.newOrganization("cust-a");
    Api.Tenant b = Api.newOrganization("cust-b");
    String id = a.createCustomer("Alice", "Tenant");
    b.request().get("/customers/" + id).then().statusCode(404).contentType("application/problem+json");
    b.request().header("If-Match", "\"0\"").body(Map.of("firstName", "Mallory", "lastName", "X"))
        .put("/customers/" + id).then().statusCode(404);
    b.request().delete("/customers/" + id).then().statusCode(404);
    b.request().get("/customers").then().statusCode(200).body("items.id", not(hasItem(id)));
    b.request().queryParam("q", "Alice").get("/customers").then().body("items", hasSize(0));
    a.request().get("/customers/" + id).then().statusCode(200).body("firstName", equalTo("Alice"));
  }

  @Test
  void paginationWalks250CustomersWithoutGapsOrRepeats() {
    Api.Tenant owner = Api.newOrganization("pages");
    Set<String> created = new HashSet<>();
    for (int i = 0; i < 250; i++) {
      created.add(owner.createCustomer("First" + i, "Last" + i));
    }
    List<String> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      var request = owner.request().queryParam("limit", 37);
      if (cursor != null) {
        request.queryParam("after", cursor);
      }
      Response page = request.get("/customers");
      page.then().statusCode(200);
      seen.addAll(page.path("items.id"));
      cursor = page.path("next");
      pages++;
    } while (cursor != null && pages < 100);
    assertThat(pages).isEqualTo(7);
    assertThat(seen).hasSize(250).doesNotHaveDuplicates();
    assertThat(new HashSet<>(seen)).isEqualTo(created);
    owner.request().queryParam("limit", 100000).get("/customers").then().statusCode(200).body("items", hasSize(200));
  }
}
