package dev.mechanics.customer;

import jakarta.enterprise.context.ApplicationScoped;
import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.Id;
import dev.mechanics.platform.web.CurrentCaller;
import dev.mechanics.platform.web.IdempotentRoutes;
import dev.mechanics.platform.web.Listing;
import dev.mechanics.platform.web.Problem;
import dev.mechanics.platform.web.RequestIds;
import dev.mechanics.platform.web.Requires;
import dev.mechanics.platform.web.Versions;
import dev.mechanics.tenancy.Capability;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import dev.mechanics.platform.Languages;
import dev.mechanics.tenancy.LanguageTag;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Customers of the caller's organization; {@code ?q=} finds them by name, e-mail or phone prefix. */
@ApplicationScoped
@Path("/customers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Customers")
public class CustomerResource {

  static final String EXAMPLE = """
      {"firstName": "Ada", "lastName": "Lovelace", "email": "ada@example.com", "phone": "+1 555 010 2030",
       "address": "12 Analytical Way, Springfield"}""";

  @Inject
  CustomerService customers;

  @Inject
  CurrentCaller caller;

  @Inject
  IdempotentRoutes idempotent;

  public record CustomerRequest(
      @NotBlank @Size(max = 100) String firstName,
      @NotBlank @Size(max = 100) String lastName,
      @Email @Size(max = 320) String email,
      @Size(max = 40) @Pattern(regexp = "[0-9+()./ -]*[0-9][0-9+()./ -]*", message = "must be a phone number")
      String phone,
      @Size(max = 500) String address,
      @LanguageTag String preferredLanguage) {

    CustomerDetails details() {
      return new CustomerDetails(firstName.trim(), lastName.trim(), blankToNull(email), blankToNull(phone),
          blankToNull(address), preferredLanguage == null || preferredLanguage.isBlank() ? null
          : Languages.check("preferredLanguage", preferredLanguage));
    }
  }

  /** {@code preferredLanguage}: what the customer's documents and mails are written in (null: the shop's). */
  public record CustomerView(UUID id, String firstName, String lastName, String email, String phone,
                             String address, String preferredLanguage, long version) {
    static CustomerView of(Customer c) {
      return new CustomerView(c.getId(), c.getFirstName(), c.getLastName(), c.getEmail(), c.getPhone(),
          c.getAddress(), c.getPreferredLanguage(), c.getVersion());
    }

    /** A technician works on the car, not with the customer: no e-mail, phone or address. */
    static CustomerView withoutContact(Customer c) {
      return new CustomerView(c.getId(), c.getFirstName(), c.getLastName(), null, null, null,
          c.getPreferredLanguage(), c.getVersion());
    }
  }

  private Function<Customer, CustomerView> viewForCaller() {
    return caller.get().may(Capability.SEE_CUSTOMER_CONTACT) ? CustomerView::of : CustomerView::withoutContact;
  }

  @GET
  @Operation(operationId = "listCustomers", summary = "List customers",
      description = "The organization's customers by last name, a page at a time; `q` finds them by name "
          + "prefix, or by exact e-mail or phone number. A technician sees no e-mail, phone or address, and "
          + "a search by e-mail or phone finds nothing for them.")
  public Listing<CustomerView> list(@Parameter(description = "A name prefix, or an exact e-mail or phone "
                                        + "number (at most 100 characters).") @QueryParam("q") String q, @QueryParam("limit") String limit,
                                    @QueryParam("after") String after) {
    if (q != null && q.length() > 100) {
      throw new DomainException.Malformed("q", "q must be at most 100 characters");
    }
    // searching by e-mail or phone would let a technician confirm contact data they may not see
    if (q != null && !caller.get().may(Capability.SEE_CUSTOMER_CONTACT) && (q.contains("@") || q.matches(".*\\d.*"))) {
      return new Listing<>(List.of(), null);
    }
    return Listing.of(customers.list(q, Listing.request(limit, after)), viewForCaller());
  }

  @GET
  @Path("/{id}")
  @Operation(operationId = "getCustomer", summary = "Read a customer",
      description = "The customer with its version as the `ETag`. A technician sees no e-mail, phone or address.")
  @APIResponse(responseCode = "200", description = "The customer.", headers = @Header(name = "ETag", ref = "ETag"),
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CustomerView.class)))
  public Response get(@PathParam("id") String id) {
    Customer customer = customers.get(RequestIds.path("customer", id, Id::new));
    return Response.ok(viewForCaller().apply(customer)).tag(Versions.etag(customer.getVersion())).build();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Capability.EDIT_CUSTOMERS)
  @Operation(operationId = "registerCustomer", summary = "Register a customer",
      description = "Adds a customer to the organization (contact data encrypted at rest). With an "
          + "`Idempotency-Key`, a retry after a lost answer registers nobody twice.",
      extensions = @Extension(name = "x-requires", value = "EDIT_CUSTOMERS"))
  @APIResponse(responseCode = "201", description = "The customer; the same answer again for a retry with the "
      + "same `Idempotency-Key`.",
      headers = {@Header(name = "Location", ref = "Location"), @Header(name = "ETag", ref = "ETag"),
          @Header(name = IdempotentRoutes.REPLAYED, ref = "IdempotentReplayed")},
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CustomerView.class)))
  public Response register(@Parameter(description = IdempotentRoutes.KEY, schema = @Schema(
                               type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                               maxLength = 200)) @HeaderParam("Idempotency-Key") String idempotencyKey,
                           @Valid @NotNull @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
      examples = @ExampleObject(name = "customer", value = EXAMPLE))) CustomerRequest request, @Context UriInfo uri) {
    return idempotent.once(idempotencyKey, "customer|" + request, "customer registration", () -> {
      Customer customer = customers.register(request.details());
      return Response.created(uri.getAbsolutePathBuilder().path(customer.getId().toString()).build())
          .entity(CustomerView.of(customer)).tag(Versions.etag(customer.getVersion())).build();
    });
  }

  @PUT
  @Path("/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Capability.EDIT_CUSTOMERS)
  @Operation(operationId = "changeCustomer", summary = "Change a customer",
      description = "Replaces the customer's name and contact data (fields left out are cleared).",
      extensions = @Extension(name = "x-requires", value = "EDIT_CUSTOMERS"))
  @APIResponse(responseCode = "200", description = "The customer.", headers = @Header(name = "ETag", ref = "ETag"),
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CustomerView.class)))
  public Response change(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                         @Valid @NotNull @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                             examples = @ExampleObject(name = "customer", value = EXAMPLE))) CustomerRequest request) {
    Id<Customer> customerId = RequestIds.path("customer", id, Id::new);
    Customer customer = customers.change(customerId, Versions.required(ifMatch), request.details());
    return Response.ok(CustomerView.of(customer)).tag(Versions.etag(customer.getVersion())).build();
  }

  @DELETE
  @Path("/{id}")
  @Requires(Capability.REMOVE_CUSTOMERS)
  // no content: a client that accepts only problem+json (for the errors) must not get 406
  @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
  @Operation(operationId = "removeCustomer", summary = "Remove a customer",
      description = "Deletes the customer with their vehicles. 409 while work orders or invoices refer to them.",
      extensions = @Extension(name = "x-requires", value = "REMOVE_CUSTOMERS"))
  @APIResponse(responseCode = "204", description = "Removed.")
  @APIResponse(responseCode = "409", ref = "Conflict")
  public Response remove(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
    customers.remove(RequestIds.path("customer", id, Id::new), Versions.optional(ifMatch));
    return Response.noContent().build();
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
