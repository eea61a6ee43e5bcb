package dev.mechanics.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contract check fails on each way an answer can differ from its documentation (so ClientFlowIT can fail). */
class OpenApiContractTest {

  private static final String DOCUMENT = """
      {"openapi": "3.1.0", "info": {"title": "t", "version": "1"},
       "paths": {"/api/v1/customers/{id}": {"get": {"operationId": "getCustomer", "responses": {
         "200": {"description": "The customer.", "headers": {"ETag": {"$ref": "#/components/headers/ETag"}},
                 "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Customer"}}}},
         "404": {"$ref": "#/components/responses/NotFound"},
         "default": {"$ref": "#/components/responses/NotFound"}}}}},
       "components": {
         "headers": {"ETag": {"schema": {"type": "string"}}},
         "schemas": {
           "Customer": {"type": "object", "properties": {"id": {"type": "string"}, "version": {"type": "integer"}}},
           "Problem": {"type": "object", "required": ["status"], "properties": {"status": {"type": "integer"}}}},
         "responses": {"NotFound": {"description": "Not found.", "content": {"application/problem+json":
           {"schema": {"$ref": "#/components/schemas/Problem"}}}}}}}""";

  private final OpenApiContract contract = OpenApiContract.of(DOCUMENT);
  private final URI customer = URI.create("http://localhost/api/v1/customers/42");

  @Test
  void anAnswerAsDocumentedPasses() {
    assertThat(check(200, "application/json", "\"1\"", "{\"id\": \"42\", \"version\": 1}")).isEmpty();
    assertThat(check(404, "application/problem+json", null, "{\"status\": 404}")).isEmpty();
  }

  @Test
  void everyDifferenceIsReported() {
    assertThat(check(201, "application/json", "\"1\"", "{\"id\": \"42\"}")).singleElement().asString()
        .contains("answered 201, which its responses do not list");
    assertThat(check(200, "application/json", null, "{\"id\": \"42\"}")).singleElement().asString()
        .contains("without its documented header ETag");
    assertThat(check(200, "application/json", "\"1\"", "{\"id\": \"42\", \"secret\": true}")).singleElement()
        .asString().contains("secret");
    assertThat(check(200, "application/json", "\"1\"", "{\"id\": 42}")).singleElement().asString()
        .contains("/id");
    assertThat(check(404, "application/json", null, "{\"status\": 404}")).singleElement().asString()
        .contains("not one of [application/problem+json]");
    assertThat(contract.check("DELETE", customer, 204, headers(Map.of()), new byte[0])).singleElement()
        .asString().contains("not in the OpenAPI document");
  }

  private List<String> check(int status, String type, String etag, String body) {
    Map<String, List<String>> headers = etag == null ? Map.of("Content-Type", List.of(type))
        : Map.of("Content-Type", List.of(type), "ETag", List.of(etag));
    return contract.check("GET", customer, status, headers(headers), body.getBytes(StandardCharsets.UTF_8));
  }

  private static HttpHeaders headers(Map<String, List<String>> map) {
    return HttpHeaders.of(map, (k, v) -> true);
  }
}
