package dev.mechanics.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import dev.mechanics.it.support.Api;
import dev.mechanics.it.support.Shop;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** GET /invoices?workOrderId=: the invoice of one work order, in the list's usual shape and paging. */
class InvoiceFilterIT {

  @Test
  void theInvoiceOfOneWorkOrder() {
    Api.Tenant owner = Api.newOrganization("inv-filter");
    Shop shop = new Shop(owner);
    String first = shop.estimate();
    shop.addLines(first, List.of(Shop.priced("FEE", "Diagnosis", "80.00")));
    String firstInvoice = shop.invoiced(first);
    String second = shop.estimate();
    shop.addLines(second, List.of(Shop.priced("FEE", "Inspection", "40.00")));
    String secondInvoice = shop.invoiced(second);
    String open = shop.estimate();

    var page = owner.request().queryParam("workOrderId", second).get("/invoices").then().statusCode(200)
        .extract().jsonPath();
    assertThat(page.getList("items.id", String.class)).containsExactly(secondInvoice);
    assertThat(page.getString("items[0].workOrderId")).isEqualTo(second);
    assertThat(owner.request().queryParam("workOrderId", first).queryParam("shopId", owner.shopId())
        .queryParam("limit", "1").get("/invoices").jsonPath().getList("items.id", String.class))
        .containsExactly(firstInvoice);
    assertThat(owner.request().get("/invoices").jsonPath().getList("items.id", String.class))
        .contains(firstInvoice, secondInvoice);
    // not invoiced yet, or unknown: an empty page; not an id: 400 naming the parameter
    assertThat(owner.request().queryParam("workOrderId", open).get("/invoices").jsonPath().getList("items"))
        .isEmpty();
    assertThat(owner.request().queryParam("workOrderId", UUID.randomUUID().toString()).get("/invoices")
        .jsonPath().getList("items")).isEmpty();
    owner.request().queryParam("workOrderId", "nope").get("/invoices").then().statusCode(400)
        .contentType("application/problem+json").body("errors.field", hasItem("workOrderId"));
    // another organization never sees it
    assertThat(Api.newOrganization("inv-filter-other").request().queryParam("workOrderId", second)
        .get("/invoices").jsonPath().getList("items")).isEmpty();
    Api.demoAs("TECHNICIAN").request().queryParam("workOrderId", second).get("/invoices").then().statusCode(403);
  }
}
