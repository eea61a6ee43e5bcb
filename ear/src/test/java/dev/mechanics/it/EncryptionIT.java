package dev.mechanics.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.mechanics.it.support.Api;
import java.sql.ResultSet;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EncryptionIT {

  @Test
  void contactDataIsEncryptedAtRestAndStillFoundByExactEmailOrPhone() throws Exception {
    Api.Tenant owner = Api.newOrganization("crypto");
    String marker = UUID.randomUUID().toString().substring(0, 8);
    String email = "plain-" + marker + "@example.com";
    String phone = "+1 (773) 555-" + marker.substring(0, 4).replaceAll("\\D", "7");
    String address = "42 Plaintext Avenue " + marker;
    String id = owner.request().body(Map.of("firstName", "Cipher", "lastName", "Test", "email", email,
        "phone", phone, "address", address)).post("/customers").then().statusCode(201).extract().path("id");
    owner.request().body(Map.of("firstName", "Twin", "lastName", "Test", "email", "twin-" + email))
        .post("/customers").then().statusCode(201);

    try (var db = Api.database(); var st = db.prepareStatement(
        "select c::text as whole, email, phone, address, email_index from customers c where id = ?::uuid")) {
      st.setString(1, id);
      ResultSet rs = st.executeQuery();
      assertThat(rs.next()).isTrue();
      String whole = rs.getString("whole");
      // hashes and ciphertext are random-looking text: look for the values, not for short digit runs
      assertThat(whole).doesNotContain(email, "plain-" + marker, "Plaintext Avenue", phone, phone.replaceAll("\\D", ""),
          "(773)");
      assertThat(rs.getString("email")).startsWith("v1:");
      assertThat(rs.getString("phone")).startsWith("v1:");
      assertThat(rs.getString("address")).startsWith("v1:");
      assertThat(rs.getString("email_index")).hasSize(64);
    }
    // nothing else in the database holds the plaintext either (the audit trail masks it)
    try (var db = Api.database(); var st = db.prepareStatement(
        "select count(*) from audit_events where coalesce(after_state, '') like ? or coalesce(before_state, '') like ?")) {
      st.setString(1, "%" + marker + "%");
      st.setString(2, "%" + marker + "%");
      ResultSet rs = st.executeQuery();
      rs.next();
      assertThat(rs.getInt(1)).isZero();
    }

    owner.request().get("/customers/" + id).then().statusCode(200)
        .body("email", equalTo(email)).body("phone", equalTo(phone)).body("address", equalTo(address));
    owner.request().queryParam("q", email.toUpperCase()).get("/customers").then()
        .body("items", hasSize(1)).body("items[0].id", equalTo(id));
    owner.request().queryParam("q", phone.replaceAll("\\D", "")).get("/customers").then()
        .body("items", hasSize(1)).body("items[0].id", equalTo(id));
    owner.request().queryParam("q", "plain-").get("/customers").then().body("items", hasSize(0));
  }
}
