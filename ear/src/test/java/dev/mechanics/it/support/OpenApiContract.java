package dev.mechanics.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks a real answer of the server against the OpenAPI document: the status is documented for the operation
 * (only 5xx may fall to {@code default}), the media type is one the response lists, the body validates against
 * its schema read strictly (an object may have no property the document does not name), and every header the
 * response documents is present.
 */
public final class OpenApiContract {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DOCUMENT = "https://mechanics.dev/openapi.json";

  private final JsonNode document;
  private final SchemaRegistry registry;
  private final List<Route> routes = new ArrayList<>();

  private record Route(String method, String template, Pattern pattern, JsonNode operation) {
  }

  private OpenApiContract(ObjectNode document) {
    this.document = document;
    strict(document.path("components").path("schemas"));
    String text = document.toString();
    this.registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
        builder -> builder.schemas(iri -> DOCUMENT.equals(iri.split("#")[0]) ? text : null));
    document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> routes.add(
        new Route(op.getKey().toUpperCase(Locale.ROOT), path.getKey(),
            Pattern.compile(path.getKey().replaceAll("\\{[^}]+}", "[^/]+")), op.getValue()))));
    // a literal segment wins over a template (/audit/verify before /audit/{id})
    routes.sort(Comparator.comparingInt(r -> r.template().split("\\{").length));
  }

  public static OpenApiContract of(String documentJson) {
    try {
      return new OpenApiContract((ObjectNode) JSON.readTree(documentJson));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The document's operation for a request, if any. */
  public Optional<String> operationId(String method, URI uri) {
    return route(method, uri).map(r -> r.operation().path("operationId").asText());
  }

  /** What in this answer the document does not say; empty when it is as documented. */
  public List<String> check(String method, URI uri, int status, HttpHeaders headers, byte[] body) {
    Optional<Route> found = route(method, uri);
    if (found.isEmpty()) {
      return List.of(method + " " + uri.getPath() + " is not in the OpenAPI document");
    }
    Route route = found.get();
    String what = route.operation().path("operationId").asText() + " (" + method + " " + route.template() + ") "
        + "answered " + status;
    JsonNode response = route.operation().path("responses").path(Integer.toString(status));
    if (response.isMissingNode()) {
      if (status < 500) {
        return List.of(what + ", which its responses do not list");
      }
      response = route.operation().path("responses").path("default");
    }
    response = resolve(response);
    List<String> problems = new ArrayList<>();
    response.path("headers").properties().forEach(h -> {
      if (headers.firstValue(h.getKey()).isEmpty()) {
        problems.add(what + " without its documented header " + h.getKey());
      }
    });
    JsonNode content = response.path("content");
    String contentType = headers.firstValue("Content-Type").map(t -> t.split(";")[0].trim().toLowerCase(Locale.ROOT))
        .orElse(null);
    if (content.isMissingNode() || content.isEmpty()) {
      if (body.length > 0) {
        problems.add(what + " with a body (" + contentType + ") where the document says there is none");
      }
      return problems;
    }
    JsonNode media = contentType == null ? null : content.get(contentType);
    if (media == null) {
      problems.add(what + " as " + contentType + ", not one of " + fieldNames(content));
      return problems;
    }
    if (contentType.endsWith("json") && media.has("schema")) {
      String text = new String(body, StandardCharsets.UTF_8);
      Schema schema = registry.getSchema(SchemaLocation.of(DOCUMENT + "#" + pointerTo(media.path("schema"))));
      schema.validate(text, InputFormat.JSON).forEach(e -> problems.add(what + ": " + e.getInstanceLocation()
          + " " + e.getMessage() + " in " + (text.length() > 300 ? text.substring(0, 300) + "..." : text)));
    }
    return problems;
  }

  private Optional<Route> route(String method, URI uri) {
    return routes.stream().filter(r -> r.method().equals(method) && r.pattern().matcher(uri.getPath()).matches())
        .findFirst();
  }

  /** A response or header given as {@code $ref} is read from the components. */
  private JsonNode resolve(JsonNode node) {
    String ref = node.path("$ref").asText(null);
    return ref == null ? node : resolve(document.at(ref.substring(1)));
  }

  /** Where the schema is in the document: a component's own location, or the inline schema's. */
  private String pointerTo(JsonNode schema) {
    String ref = schema.path("$ref").asText(null);
    if (ref != null) {
      return ref.substring(1);
    }
    // an inline schema (a bare array, say): registered under a name of its own
    ObjectNode schemas = (ObjectNode) document.path("components").path("schemas");
    String name = "inline-" + Integer.toHexString(schema.toString().hashCode());
    if (!schemas.has(name)) {
      throw new IllegalStateException("inline response schema " + schema + " was not registered");
    }
    return "/components/schemas/" + name;
  }

  /** Objects that name their properties accept no other property: the document must list every field. */
  private void strict(JsonNode schemas) {
    List<JsonNode> inline = new ArrayList<>();
    document.path("paths").forEach(path -> path.forEach(op -> op.path("responses").forEach(response ->
        response.path("content").forEach(media -> {
          JsonNode schema = media.path("schema");
          if (!schema.isMissingNode() && !schema.has("$ref")) {
            inline.add(schema);
          }
        }))));
    inline.forEach(s -> ((ObjectNode) schemas).set("inline-" + Integer.toHexString(s.toString().hashCode()), s));
    walk(schemas);
  }

  private static void walk(JsonNode node) {
    if (node instanceof ObjectNode object) {
      if (object.has("properties") && !object.has("additionalProperties")) {
        object.put("additionalProperties", false);
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
        walk(it.next().getValue());
      }
    } else if (node.isArray()) {
      node.forEach(OpenApiContract::walk);
    }
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
