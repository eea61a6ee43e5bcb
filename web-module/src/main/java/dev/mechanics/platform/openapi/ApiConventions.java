package dev.mechanics.platform.openapi;

import static org.eclipse.microprofile.openapi.OASFactory.createAPIResponse;
import static org.eclipse.microprofile.openapi.OASFactory.createAPIResponses;
import static org.eclipse.microprofile.openapi.OASFactory.createParameter;
import static org.eclipse.microprofile.openapi.OASFactory.createSecurityRequirement;

import dev.mechanics.tenancy.Capability;
import dev.mechanics.tenancy.Role;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Applies the API's conventions to every operation, so that a resource's annotations say only what is particular
 * to its route:
 * <ul>
 *   <li>access: the operation's {@code x-requires} extension (the capabilities of its {@code @Requires}) or
 *   {@code @SecurityRequirementsSet} without requirements ({@code @Public}) becomes its {@code security}, a
 *   "Who may call" paragraph with the roles that hold the capability, and a 403;</li>
 *   <li>the error responses its shape implies: 401 and 429 when signed in, 404 with path parameters, 400 with a
 *   body, query parameters or conditional headers, 413 and 415 with a body, 412 and 428 with {@code If-Match},
 *   503 for a dependency outage (docs/adr/0047), and a problem+json {@code default};</li>
 *   <li>the shared parameters by name ({@code limit}, {@code after}, {@code If-Match}, {@code Idempotency-Key})
 *   and ids in the path or query as UUIDs with a description.</li>
 * </ul>
 * Everything shared is defined once in {@link ApiContract}.
 */
public class ApiConventions implements OASFilter {

  /** The capabilities an operation needs, any one of them (comma-separated), as its {@code @Requires} says. */
  public static final String REQUIRES = "x-requires";
  static final String WHO_MAY_CALL = "**Who may call:** ";

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
      return;
    }
    openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations()
        .forEach((method, operation) -> apply(path, method, operation)));
  }

  private void apply(String path, PathItem.HttpMethod method, Operation operation) {
    boolean isPublic = operation.getSecurity() != null && operation.getSecurity().isEmpty();
    List<Capability> capabilities = capabilities(operation);
    if (!isPublic) {
      operation.setSecurity(List.of(createSecurityRequirement().addScheme(ApiContract.BEARER, List.of())));
    }
    operation.setDescription(describe(operation.getDescription(), isPublic, capabilities));

    List<Parameter> parameters = new ArrayList<>();
    for (Parameter parameter : operation.getParameters() == null ? List.<Parameter>of()
        : operation.getParameters()) {
      Parameter shared = shared(parameter, method);
      if (shared == null) {
        describeId(path, parameter);
      }
      parameters.add(shared == null ? parameter : shared);
    }
    operation.setParameters(parameters.isEmpty() ? null : parameters);
    boolean ifMatch = parameters.stream().anyMatch(p -> p.getRef() != null && p.getRef().contains("IfMatch"));
    boolean conditional = ifMatch && method != PathItem.HttpMethod.DELETE;
    // a malformed query parameter or header is a 400; a malformed path id a 404
    boolean parsed = operation.getParameters() != null && operation.getParameters().stream()
        .anyMatch(p -> p.getRef() != null || p.getIn() == Parameter.In.QUERY || p.getIn() == Parameter.In.HEADER);

    APIResponses responses = operation.getResponses() == null ? createAPIResponses() : operation.getResponses();
    boolean body = operation.getRequestBody() != null;
    addShared(responses, "400", body || parsed);
    addShared(responses, "401", !isPublic);
    addShared(responses, "403", !capabilities.isEmpty());
    addShared(responses, "404", path.contains("{"));
    addShared(responses, "412", ifMatch);
    addShared(responses, "413", body);
    addShared(responses, "415", body);
    addShared(responses, "428", conditional);
    addShared(responses, "429", !isPublic);
    addShared(responses, "503", true);
    addShared(responses, "default", true);
    operation.setResponses(responses);
  }

  private static List<Capability> capabilities(Operation operation) {
    Object value = operation.getExtensions() == null ? null : operation.getExtensions().get(REQUIRES);
    if (value == null) {
      return List.of();
    }
    List<Capability> capabilities = Arrays.stream(value.toString().split(","))
        .map(String::trim).filter(s -> !s.isEmpty()).map(Capability::valueOf).toList();
    operation.addExtension(REQUIRES, capabilities.stream().map(Capability::name).toList());
    return capabilities;
  }

  /** The author's text, then who may call: public, any signed-in user, or the roles holding the capability. */
  private static String describe(String description, boolean isPublic, List<Capability> capabilities) {
    String who;
    if (isPublic) {
      who = "anyone, without a token (public).";
    } else if (capabilities.isEmpty()) {
      who = "any signed-in user.";
    } else {
      who = capabilities.stream().map(c -> "`" + c.name() + "` ("
              + c.roles().stream().map(Role::name).collect(Collectors.joining(", ")) + ")")
          .collect(Collectors.joining(" or ")) + "; any other signed-in user gets 403.";
    }
    String text = description == null ? "" : description.strip();
    return (text.isEmpty() ? "" : text + "\n\n") + WHO_MAY_CALL + who;
  }

  /** A reference to the shared parameter of this name, or null when the parameter is particular (described). */
  private static Parameter shared(Parameter parameter, PathItem.HttpMethod method) {
    String name = parameter.getName();
    if (name == null || parameter.getDescription() != null) {
      return null;
    }
    String ref = switch (parameter.getIn() == null ? "" : parameter.getIn().toString()) {
      case "query" -> switch (name) {
        case "limit" -> "Limit";
        case "after" -> "After";
        default -> null;
      };
      case "header" -> switch (name) {
        case "If-Match" -> method == PathItem.HttpMethod.DELETE ? "IfMatchOptional" : "IfMatch";
        case "Idempotency-Key" -> "IdempotencyKey";
        default -> null;
      };
      default -> null;
    };
    return ref == null ? null : createParameter().ref(ref);
  }

  /** Ids in the path or the query are UUIDs; a path id is described after the collection it names. */
  private static void describeId(String path, Parameter parameter) {
    String name = parameter.getName();
    boolean id = "id".equals(name) || name.endsWith("Id");
    Schema schema = parameter.getSchema();
    if (!id || schema == null || schema.getRef() != null || schema.getFormat() != null
        || schema.getType() == null || !schema.getType().equals(List.of(SchemaType.STRING))) {
      return;
    }
    schema.setFormat("uuid");
    if (parameter.getDescription() == null) {
      String what = "id".equals(name) ? collectionBefore(path, "{id}") : words(name.substring(0, name.length() - 2));
      parameter.setDescription(parameter.getIn() == Parameter.In.PATH
          ? "Id of the " + what + "."
          : "Only those of this " + what + ".");
    }
  }

  private static String collectionBefore(String path, String segment) {
    String before = path.substring(0, path.indexOf(segment));
    String[] parts = before.split("/");
    String collection = parts[parts.length - 1];
    String singular = collection.endsWith("ies") ? collection.substring(0, collection.length() - 3) + "y"
        : collection.endsWith("s") ? collection.substring(0, collection.length() - 1) : collection;
    return singular.replace('-', ' ');
  }

  /** {@code cannedJob} -> "canned job". */
  private static String words(String camel) {
    return camel.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
  }

  private static void addShared(APIResponses responses, String status, boolean applies) {
    if (!applies || responses.hasAPIResponse(status)) {
      return;
    }
    responses.addAPIResponse(status, createAPIResponse().ref(ApiContract.ERRORS.get(status).name()));
  }
}
