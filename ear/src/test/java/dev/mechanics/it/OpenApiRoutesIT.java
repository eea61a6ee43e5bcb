package dev.mechanics.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaEnumConstant;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.mechanics.it.support.ServedOpenApi;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document against the server's real routes: every JAX-RS resource method of the web module (read
 * from its classes: {@code @Path} and the HTTP method) is in the document, nothing else is, and each operation is
 * documented as docs/recipes.md ("Document a route") says. A failure says, route by route, what to add where.
 */
class OpenApiRoutesIT {

  private static final Set<String> HTTP_METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");
  /** Liberty's own endpoints beside the API: they may be listed as operational, nothing else may be extra. */
  private static final Pattern OPERATIONAL = Pattern.compile("/(health(/.*)?|metrics)");
  private static final Pattern VERB_NOUN = Pattern.compile("[a-z]+[A-Z][A-Za-z0-9]*");
  private static final String WHO_MAY_CALL = "**Who may call:**";
  private static final String RECIPE = "How to document a route: docs/recipes.md, \"Document a route\" (and a new "
      + "route needs its row in docs/permissions.md and PermissionMatrixIT).";

  private static JsonNode document;
  private static Map<String, JavaMethod> routes;

  @BeforeAll
  static void read() throws Exception {
    document = new ObjectMapper().readTree(ServedOpenApi.fetch());
    routes = resourceMethods(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPath(Path.of("..", "web-module", "target", "classes")));
  }

  @Test
  void theDocumentListsExactlyTheServersRoutes() {
    Map<String, JsonNode> documented = operations();
    List<String> problems = new ArrayList<>();
    routes.forEach((route, method) -> {
      if (!documented.containsKey(route)) {
        problems.add(route + " (" + where(method) + ") is missing from the OpenAPI document: remove "
            + "@Operation(hidden = true) from it, or check that its class has @Path and is in the web module");
      }
    });
    documented.keySet().forEach(route -> {
      if (!routes.containsKey(route) && !OPERATIONAL.matcher(route.substring(route.indexOf(' ') + 1)).matches()) {
        problems.add(route + " is documented but no resource method answers it: remove it from the document "
            + "(ApiContract adds no paths; a filter or a static file must have)");
      }
    });
    assertThat(problems).as(RECIPE).isEmpty();
    assertThat(routes).as("resource methods found in web-module/target/classes").hasSizeGreaterThan(50);
  }

  @Test
  void everyOperationIsDocumentedByTheConventions() {
    Map<String, JsonNode> documented = operations();
    Map<String, String> tags = new HashMap<>();
    document.path("tags").forEach(t -> tags.put(t.path("name").asText(), t.path("description").asText()));
    Map<String, String> operationIds = new HashMap<>();
    List<String> problems = new ArrayList<>();
    routes.forEach((route, method) -> {
      JsonNode op = documented.get(route);
      if (op == null) {
        return;
      }
      List<String> missing = new ArrayList<>();
      String id = op.path("operationId").asText("");
      if (!VERB_NOUN.matcher(id).matches()) {
        missing.add("@Operation(operationId = \"verbNoun\", ...): a stable, unique id such as \"createWorkOrder\"");
      } else if (operationIds.put(id, route) != null) {
        missing.add("an operationId of its own: \"" + id + "\" is also " + operationIds.get(id));
      }
      if (op.path("summary").asText("").isBlank()) {
        missing.add("@Operation(summary = \"...\"): a few words, shown in lists");
      }
      String description = op.path("description").asText("");
      if (description.indexOf(WHO_MAY_CALL) <= 0 || description.substring(0, description.indexOf(WHO_MAY_CALL))
          .isBlank()) {
        missing.add("@Operation(description = \"...\"): what it changes and when it answers 4xx (who may call "
            + "is added from x-requires)");
      }
      JsonNode opTags = op.path("tags");
      if (opTags.size() != 1 || !tags.containsKey(opTags.path(0).asText())) {
        missing.add("one @Tag(name = ...) on the class, one of " + tags.keySet() + " (a new business area: add "
            + "it with a description to ApiContract)");
      }
      List<String> required = requires(method);
      List<String> declared = new ArrayList<>();
      op.path("x-requires").forEach(c -> declared.add(c.asText()));
      if (!declared.equals(required)) {
        missing.add(required.isEmpty() ? "no x-requires extension (it has no @Requires)"
            : "extensions = @Extension(name = \"x-requires\", value = \"" + String.join(", ", required)
                + "\") in its @Operation (its @Requires says so)");
      }
      boolean isPublic = annotation(method, "dev.mechanics.platform.web.Public").isPresent();
      boolean documentedPublic = op.path("security").isArray() && op.path("security").isEmpty();
      if (isPublic != documentedPublic) {
        missing.add(isPublic ? "@SecurityRequirements (empty: public) on it or its class, as it is @Public"
            : "no @SecurityRequirements: it is not @Public");
      }
      op.path("requestBody").path("content").properties().forEach(media -> {
        if (media.getKey().endsWith("json") && !media.getValue().has("examples")
            && !media.getValue().has("example")) {
          missing.add("an example body: @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, "
              + "examples = @ExampleObject(name = \"...\", value = \"{...}\"))) on the body parameter");
        }
      });
      List<Map.Entry<String, JsonNode>> success = op.path("responses").properties().stream()
          .filter(r -> r.getKey().startsWith("2")).toList();
      if (success.isEmpty() || (method.getRawReturnType().isEquivalentTo(jakarta.ws.rs.core.Response.class)
          && success.stream().allMatch(r -> "OK".equals(r.getValue().path("description").asText())
              && !r.getValue().has("content")))) {
        missing.add("its success: @APIResponse(responseCode = \"200|201|204\", description = \"...\", content = "
            + "@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = View.class)), "
            + "headers = {@Header(name = \"Location\", ref = \"Location\"), @Header(name = \"ETag\", ref = \"ETag\")} "
            + "as it sends them) - a method returning Response documents nothing by itself");
      }
      boolean noContent = !success.isEmpty() && success.stream().noneMatch(r -> r.getValue().has("content"));
      if (noContent && !produces(method).contains("application/problem+json")) {
        missing.add("@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE}): it answers no content, and a "
            + "client that accepts only problem+json would get 406");
      }
      if (!missing.isEmpty()) {
        problems.add(route + " (" + where(method) + ") needs " + String.join("; ", missing));
      }
    });
    assertThat(problems).as(RECIPE).isEmpty();
  }

  private static Map<String, JsonNode> operations() {
    Map<String, JsonNode> operations = new TreeMap<>();
    document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
      if (HTTP_METHODS.contains(op.getKey().toUpperCase())) {
        operations.put(op.getKey().toUpperCase() + " " + path.getKey(), op.getValue());
      }
    }));
    return operations;
  }

  /** "METHOD /api/v1/path" of every resource method, as JAX-RS joins the application, class and method paths. */
  private static Map<String, JavaMethod> resourceMethods(JavaClasses classes) {
    String root = classes.stream().map(c -> c.tryGetAnnotationOfType("jakarta.ws.rs.ApplicationPath"))
        .flatMap(Optional::stream).map(a -> (String) a.get("value").orElseThrow()).findFirst().orElse("");
    Map<String, JavaMethod> found = new TreeMap<>();
    for (JavaClass resource : classes) {
      Optional<JavaAnnotation<JavaClass>> classPath = resource.tryGetAnnotationOfType("jakarta.ws.rs.Path");
      if (classPath.isEmpty()) {
        continue;
      }
      for (JavaMethod method : resource.getMethods()) {
        Optional<String> http = method.getAnnotations().stream().map(a -> a.getRawType().getSimpleName())
            .filter(n -> HTTP_METHODS.contains(n)).findFirst();
        if (http.isEmpty()) {
          continue;
        }
        String methodPath = method.tryGetAnnotationOfType("jakarta.ws.rs.Path")
            .map(a -> (String) a.get("value").orElseThrow()).orElse("");
        String path = ("/" + root + "/" + classPath.get().get("value").orElseThrow() + "/" + methodPath)
            .replaceAll("/+", "/").replaceAll("(.)/$", "$1");
        found.put(http.get() + " " + path, method);
      }
    }
    return found;
  }

  /** The capabilities of the method's {@code @Requires}, else its class's. */
  private static List<String> requires(JavaMethod method) {
    return annotation(method, "dev.mechanics.platform.web.Requires")
        .map(a -> Arrays.stream((Object[]) a.get("value").orElseThrow()).map(c -> ((JavaEnumConstant) c).name())
            .toList()).orElse(List.of());
  }

  private static List<String> produces(JavaMethod method) {
    return annotation(method, "jakarta.ws.rs.Produces")
        .map(a -> Arrays.stream((Object[]) a.get("value").orElseThrow()).map(String::valueOf).toList())
        .orElse(List.of());
  }

  private static Optional<? extends JavaAnnotation<?>> annotation(JavaMethod method, String type) {
    Optional<? extends JavaAnnotation<?>> onMethod = method.tryGetAnnotationOfType(type);
    return onMethod.isPresent() ? onMethod : method.getOwner().tryGetAnnotationOfType(type);
  }

  private static String where(JavaMethod method) {
    return method.getOwner().getSimpleName() + "." + method.getName();
  }
}
