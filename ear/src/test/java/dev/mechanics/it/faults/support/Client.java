package dev.mechanics.it.faults.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** RestAssured calls to one address (an instance or the proxy), as a signed-in user or anonymously. */
public final class Client {

  public static final String DEMO_PASSWORD = "demo-Garage-2026";

  private Client() {
  }

  public static RequestSpecification anonymous(String baseUrl) {
    return from(baseUrl, randomAddress());
  }

  /** Anonymous, from one client address (a second X-Forwarded-For would be a second address). */
  public static RequestSpecification from(String baseUrl, String address) {
    return given().baseUri(baseUrl).basePath("/api/v1").contentType(ContentType.JSON).accept(ContentType.JSON)
        .header("X-Forwarded-For", address);
  }

  public static RequestSpecification as(String baseUrl, String token) {
    return anonymous(baseUrl).header("Authorization", "Bearer " + token);
  }

  public static String login(String baseUrl, String email, String password) {
    return login(baseUrl, email, password, randomAddress());
  }

  private static String login(String baseUrl, String email, String password, String address) {
    return from(baseUrl, address).body(Map.of("email", email, "password", password)).post("/auth/login")
        .then().statusCode(200).extract().path("accessToken");
  }

  /** Signs up an organization of its own through {@code baseUrl}; returns its owner's token. */
  public static String newOrganization(String baseUrl, String email) {
    return newOrganization(baseUrl, email, randomAddress());
  }

  /** As {@link #newOrganization(String, String)}, signing up and in from {@code address}. */
  public static String newOrganization(String baseUrl, String email, String address) {
    String unique = UUID.randomUUID().toString().substring(0, 8);
    String password = "correct horse battery " + unique;
    from(baseUrl, address).body(Map.of("organizationName", "Org " + unique, "shopName", "Main " + unique,
            "timeZone", "UTC", "currency", "USD", "ownerName", "Owner " + unique, "ownerEmail", email,
            "ownerPassword", password))
        .post("/organizations").then().statusCode(201);
    return login(baseUrl, email, password, address);
  }

  /** A client address of the documentation ranges, different per call (the proxies are trusted). */
  public static String randomAddress() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    return "198.18." + r.nextInt(0, 256) + "." + r.nextInt(1, 255);
  }
}
