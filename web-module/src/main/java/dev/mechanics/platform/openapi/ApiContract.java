package dev.mechanics.platform.openapi;

import static org.eclipse.microprofile.openapi.OASFactory.createAPIResponse;
import static org.eclipse.microprofile.openapi.OASFactory.createComponents;
import static org.eclipse.microprofile.openapi.OASFactory.createContact;
import static org.eclipse.microprofile.openapi.OASFactory.createContent;
import static org.eclipse.microprofile.openapi.OASFactory.createHeader;
import static org.eclipse.microprofile.openapi.OASFactory.createInfo;
import static org.eclipse.microprofile.openapi.OASFactory.createLicense;
import static org.eclipse.microprofile.openapi.OASFactory.createMediaType;
import static org.eclipse.microprofile.openapi.OASFactory.createOpenAPI;
import static org.eclipse.microprofile.openapi.OASFactory.createParameter;
import static org.eclipse.microprofile.openapi.OASFactory.createSchema;
import static org.eclipse.microprofile.openapi.OASFactory.createSecurityRequirement;
import static org.eclipse.microprofile.openapi.OASFactory.createSecurityScheme;
import static org.eclipse.microprofile.openapi.OASFactory.createTag;

import dev.mechanics.platform.PageRequest;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASModelReader;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * What every operation of the OpenAPI document shares, written once: {@code info}, the bearer-token scheme, the
 * tags (one per business area), the problem+json schema, the error responses with an example each, and the
 * headers and parameters of the API's conventions (ETag/If-Match, Idempotency-Key, Location, cursors).
 * {@link ApiConventions} applies them to the operations; the resources' annotations say what is particular to
 * each route (docs/recipes.md, "Document a route").
 */
public class ApiContract implements OASModelReader {

  /** The security scheme's name; operations list the capability they need as its scopes. */
  public static final String BEARER = "bearer";
  public static final String PROBLEM = "Problem";
  public static final String PROBLEM_JSON = "application/problem+json";

  private static final String TYPES = "https://mechanics.dev/problems/";
  private static final String REQUEST_ID = "0193f1c2-7d4e-7c6a-9b1e-5f2a8c3d4e5f";

  /** The shared error responses by status: component name, description, example problem. */
  static final Map<String, SharedResponse> ERRORS = errors();

  record SharedResponse(String name, String description, Map<String, Object> example) {
  }

  @Override
  public OpenAPI buildModel() {
    return createOpenAPI()
        .info(createInfo()
            .title("Mechanics Shop Management API")
            .version("1.0.0")
            .summary("Shops, customers, vehicles, work orders, invoices and payments of auto-repair shop chains.")
            .description("""
                The API of Mechanics Shop Management: auto-repair shop chains (many shops under one organization), \
                their staff and roles per shop, customers and vehicles, work orders from estimate (approved by \
                the customer through a signed link) to gapless invoice and idempotent payment, and the \
                organization's jobs and schedules.

                Conventions: JSON in camelCase; ids are UUIDv7 strings; money is a decimal string with two places \
                ("145.00"). Lists answer `{"items": [...], "next": "<cursor>"}`: pass `next` back as `after` for \
                the following page (`limit` up to 200). Reads of a versioned object send an `ETag`; changing it \
                needs that tag in `If-Match` (428 without, 412 when someone changed it meanwhile). Creates answer \
                201 with `Location`. Money routes need an `Idempotency-Key`: a retry with the same key and body \
                answers the first result. Every error is RFC 9457 `application/problem+json` with the request's \
                `requestId`. Another organization's objects do not exist for the caller (404).

                Sign in with `POST /api/v1/auth/login` and send the access token as `Authorization: Bearer \
                <token>`. Who may call each operation is said in its description; the full matrix is \
                docs/permissions.md.""")
            .contact(createContact().name("Mechanics Shop Management team").email("api@mechanics.dev")
                .url("https://mechanics.dev/support"))
            .license(createLicense().name("Proprietary").url("https://mechanics.dev/terms")))
        .addSecurityRequirement(createSecurityRequirement().addScheme(BEARER))
        .tags(List.of(
            tag("Sign-up and sessions", "Sign up a new chain, sign in, refresh and end sessions, change one's "
                + "password, accept an invitation."),
            tag("Staff", "The caller's own profile, the organization's staff and their role in each shop."),
            tag("Shops", "The organization's shops and their set-up: board columns, tax rates, canned jobs."),
            tag("Customers", "Customers and their contact data (encrypted at rest)."),
            tag("Vehicles", "Customers' vehicles."),
            tag("Work orders", "Estimates and repair orders: lines, status on the shop's board, the customer's "
                + "approvals, inspection and attachments."),
            tag("Approvals", "The customer's side of an approval link: no sign-in, the signed link is the "
                + "credential."),
            tag("Appointments", "Bays, opening hours, appointments (no double booking) and the free-slot search."),
            tag("Time clock", "Technicians' shift and job clocks, corrections, hours sold, clocked and attended."),
            tag("Invoices", "Invoices issued from repair orders, their payments, refunds and credit notes."),
            tag("Parts", "The parts catalogue and pricing matrix, each shop's stock and its movements, cycle "
                + "counts, purchase orders and transfers between shops."),
            tag("Audit", "The organization's hash-chained audit trail."),
            tag("Jobs", "Batch jobs (reports, backups): start, stop and restart runs, and schedule them."),
            tag("Operations", "Health of the service and its dependencies.")))
        .components(createComponents()
            .addSecurityScheme(BEARER, createSecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .bearerFormat("JWT")
                .description("The access token of `POST /api/v1/auth/login` (15 minutes by default). An "
                    + "operation's scopes name the capability it needs (docs/permissions.md)."))
            .addSchema(PROBLEM, problemSchema())
            .addSchema("FieldError", createSchema().addType(SchemaType.OBJECT)
                .description("One invalid field of the request.")
                .addProperty("field", string("The field's JSON name (or a header such as `If-Match`).", "lastName"))
                .addProperty("message", string("What is wrong with it.", "must not be blank"))
                .required(List.of("field", "message")))
            .headers(headers())
            .parameters(parameters())
            .responses(responses()));
  }

  private static Schema problemSchema() {
    return createSchema().addType(SchemaType.OBJECT)
        .description("An RFC 9457 problem document: every error of the API.")
        .addProperty("type", string("What kind of problem (a URI; stable, for programs).",
            TYPES + "not-found").format("uri"))
        .addProperty("title", string("Short summary of the kind of problem.", "Not found"))
        .addProperty("status", createSchema().addType(SchemaType.INTEGER).format("int32")
            .description("The HTTP status code.").example(404))
        .addProperty("detail", string("What happened to this request, for people.",
            "No work order with id 0193f1c2-0000-7000-8000-000000000000"))
        .addProperty("instance", string("The path of the request.", "/api/v1/work-orders/0193f1c2-0000-7000-"
            + "8000-000000000000"))
        .addProperty("requestId", string("The request's id (also in the X-Request-Id header and the logs); "
            + "quote it when reporting a problem.", REQUEST_ID))
        .addProperty("errors", createSchema().addType(SchemaType.ARRAY)
            .description("The invalid fields, for invalid input.")
            .items(createSchema().ref("FieldError")))
        .required(List.of("type", "title", "status"));
  }

  private static Map<String, SharedResponse> errors() {
    Map<String, SharedResponse> errors = new LinkedHashMap<>();
    errors.put("400", new SharedResponse("BadRequest", "The request is malformed: invalid JSON, a field that "
        + "fails validation, a malformed query parameter or header.",
        problem(400, "validation", "Invalid request", "1 field is invalid", "/api/v1/customers",
            List.of(Map.of("field", "lastName", "message", "must not be blank")))));
    errors.put("401", new SharedResponse("Unauthorized", "No access token, or one that is expired, tampered or "
        + "whose session has ended. The answer carries `WWW-Authenticate: Bearer`.",
        problem(401, "unauthorized", "Unauthorized", "Sign in and send the access token as 'Authorization: "
            + "Bearer <token>'", "/api/v1/customers", null)));
    errors.put("403", new SharedResponse("Forbidden", "The caller's role does not allow this (see the "
        + "operation's description and docs/permissions.md).",
        problem(403, "forbidden", "Forbidden", "Your role does not allow this", "/api/v1/shops", null)));
    errors.put("404", new SharedResponse("NotFound", "Nothing with this id exists for the caller: never issued, "
        + "malformed, of another organization, or (for a technician) work not assigned to them.",
        problem(404, "not-found", "Not found", "No work order with id 0193f1c2-0000-7000-8000-000000000000",
            "/api/v1/work-orders/0193f1c2-0000-7000-8000-000000000000", null)));
    errors.put("409", new SharedResponse("Conflict", "The request conflicts with the object's state or with "
        + "another change (the description of the operation says when).",
        problem(409, "conflict", "Conflict", "The work order is already a repair order",
            "/api/v1/work-orders/0193f1c2-0000-7000-8000-000000000000/repair-order", null)));
    errors.put("410", new SharedResponse("Gone", "The link has expired.",
        problem(410, "gone", "Gone", "This approval link has expired", "/api/v1/approvals/eyJ...", null)));
    errors.put("412", new SharedResponse("PreconditionFailed", "`If-Match` names an older version: someone "
        + "changed the object since it was read. Read it again and retry.",
        problem(412, "precondition-failed", "Precondition failed", "The customer was changed by someone else "
            + "(your version 3, current 4)", "/api/v1/customers/0193f1c2-0000-7000-8000-000000000000", null)));
    errors.put("413", new SharedResponse("PayloadTooLarge", "The body is larger than the limit "
        + "(`MAX_BODY_BYTES`, for attachments `ATTACHMENT_MAX_BYTES`).",
        problem(413, "payload-too-large", "Request body too large", "The body exceeds 1048576 bytes",
            "/api/v1/customers", null)));
    errors.put("415", new SharedResponse("UnsupportedMediaType", "The body is not of a media type this "
        + "operation accepts.",
        problem(415, "unsupported-media-type", "Unsupported media type", "Send the body as application/json",
            "/api/v1/customers", null)));
    errors.put("422", new SharedResponse("Unprocessable", "The request is well-formed but breaks a business "
        + "rule, or names an id in its body that does not exist (the description says which).",
        problem(422, "unprocessable", "Unprocessable request", "No customer with id "
            + "0193f1c2-0000-7000-8000-000000000000", "/api/v1/vehicles", null)));
    errors.put("428", new SharedResponse("PreconditionRequired", "`If-Match` is missing: send the `ETag` of "
        + "your last read.",
        problem(428, "precondition-required", "Precondition required", "Send If-Match with the ETag of your "
            + "last read", "/api/v1/customers/0193f1c2-0000-7000-8000-000000000000", null)));
    errors.put("429", new SharedResponse("TooManyRequests", "Too many calls: per signed-in user, or per client "
        + "address for sign-in, refresh, sign-up and invitations, or too many sign-ins waiting for the password "
        + "hasher at once. `Retry-After` says when to try again.",
        problem(429, "too-many-requests", "Too many requests", "Too many requests; try again in 30 s",
            "/api/v1/auth/login", null)));
    errors.put("503", new SharedResponse("ServiceUnavailable", "The database or file storage does not answer at "
        + "the moment (an outage, not a fault of the request): nothing was changed. `Retry-After` says when to "
        + "try again; a change sent with an `Idempotency-Key` may be retried with the same key.",
        problem(503, "database-unavailable", "Service unavailable", "The database does not answer at the moment; "
            + "try again in a few seconds", "/api/v1/customers", null)));
    errors.put("default", new SharedResponse("Error", "Any other error, such as 500 (quote the `requestId`), "
        + "405 or 406, as problem+json.",
        problem(500, "internal", "Internal error", "Something went wrong on our side; quote the request id "
            + "when you report it", "/api/v1/customers", null)));
    return errors;
  }

  private static Map<String, Object> problem(int status, String slug, String title, String detail,
                                             String instance, List<Map<String, String>> errors) {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", TYPES + slug);
    problem.put("title", title);
    problem.put("status", status);
    problem.put("detail", detail);
    problem.put("instance", instance);
    problem.put("requestId", REQUEST_ID);
    if (errors != null) {
      problem.put("errors", errors);
    }
    return problem;
  }

  private static Map<String, APIResponse> responses() {
    Map<String, APIResponse> responses = new LinkedHashMap<>();
    ERRORS.forEach((status, error) -> {
      APIResponse response = createAPIResponse().description(error.description())
          .content(createContent().addMediaType(PROBLEM_JSON, createMediaType()
              .schema(createSchema().ref(PROBLEM)).example(error.example())));
      if ("401".equals(status)) {
        response.addHeader("WWW-Authenticate", createHeader().ref("WWWAuthenticate"));
      }
      if ("429".equals(status) || "503".equals(status)) {
        response.addHeader("Retry-After", createHeader().ref("RetryAfter"));
      }
      responses.put(error.name(), response);
    });
    return responses;
  }

  private static Map<String, Header> headers() {
    Map<String, Header> headers = new LinkedHashMap<>();
    headers.put("ETag", createHeader().description("The object's version: send it back in `If-Match` to "
        + "change it.").schema(string(null, "\"3\"")));
    headers.put("Location", createHeader().description("Where the created object can be read.")
        .schema(string(null, "http://localhost:9080/api/v1/customers/0193f1c2-0000-7000-8000-000000000000")
            .format("uri")));
    headers.put("IdempotentReplayed", createHeader().description("`true` when this is the answer to an "
        + "earlier request with the same `Idempotency-Key` (nothing new was recorded).")
        .schema(createSchema().addType(SchemaType.STRING).enumeration(List.of("true", "false"))));
    headers.put("InvitationSent", createHeader().description("`true` when the invitation mail was handed to "
        + "the mail server, `false` when it could not be sent (send a new one with "
        + "`POST /api/v1/users/{id}/invitation`).")
        .schema(createSchema().addType(SchemaType.STRING).enumeration(List.of("true", "false"))));
    headers.put("InvoiceMailed", createHeader().description("`true` when the invoice was mailed to the customer "
        + "with its PDF attached; `false` when the customer has no e-mail, the shop turned invoice mails off, or "
        + "the mail could not be sent.")
        .schema(createSchema().addType(SchemaType.STRING).enumeration(List.of("true", "false"))));
    headers.put("RetryAfter", createHeader().description("Seconds to wait before trying again.")
        .schema(createSchema().addType(SchemaType.INTEGER).format("int32").example(30)));
    headers.put("WWWAuthenticate", createHeader().description("`Bearer`: the scheme to authenticate with.")
        .schema(string(null, "Bearer")));
    headers.put("ContentDisposition", createHeader().description("The file's name, as "
        + "`attachment; filename=\"...\"` or `inline; filename=\"...\"`.")
        .schema(string(null, "inline; filename=\"INV-2026-000001.pdf\"")));
    return headers;
  }

  private static Map<String, Parameter> parameters() {
    Map<String, Parameter> parameters = new LinkedHashMap<>();
    parameters.put("Limit", createParameter().name("limit").in(Parameter.In.QUERY)
        .description("How many items a page holds at most (" + PageRequest.DEFAULT_LIMIT + " when absent; "
            + "more than " + PageRequest.MAX_LIMIT + " counts as " + PageRequest.MAX_LIMIT + ").")
        .schema(createSchema().addType(SchemaType.INTEGER).format("int32").minimum(BigDecimal.ONE)
            .example(PageRequest.DEFAULT_LIMIT)));
    parameters.put("After", createParameter().name("after").in(Parameter.In.QUERY)
        .description("The `next` cursor of the previous page; absent for the first page.")
        .schema(string(null, "MDE5M2YxYzItN2Q0ZS03YzZhLTliMWUtNWYyYThjM2Q0ZTVm")));
    parameters.put("IfMatch", createParameter().name("If-Match").in(Parameter.In.HEADER).required(true)
        .description("The `ETag` of your last read of the object: the change applies only to that version "
            + "(412 when it changed meanwhile, 428 when absent).")
        .schema(string(null, "\"3\"")));
    parameters.put("IfMatchOptional", createParameter().name("If-Match").in(Parameter.In.HEADER)
        .required(false)
        .description("The `ETag` of your last read: when given, the delete applies only to that version "
            + "(412 when it changed meanwhile); when absent, to whatever the version.")
        .schema(string(null, "\"3\"")));
    parameters.put("IdempotencyKey", createParameter().name("Idempotency-Key").in(Parameter.In.HEADER)
        .required(true)
        .description("A key you choose per business action (at most 200 characters, e.g. a UUID). A retry "
            + "with the same key and body answers the first result without recording anything again "
            + "(`Idempotent-Replayed: true`); the same key with another body is a 422.")
        .schema(createSchema().addType(SchemaType.STRING).maxLength(200)
            .example("5f0c6a52-9d1e-4f8a-b3c2-7e6d5a4b3c21")));
    return parameters;
  }

  private static org.eclipse.microprofile.openapi.models.tags.Tag tag(String name, String description) {
    return createTag().name(name).description(description);
  }

  private static Schema string(String description, String example) {
    Schema schema = createSchema().addType(SchemaType.STRING).example(example);
    return description == null ? schema : schema.description(description);
  }
}
