package dev.mechanics.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.DeserializationFeature;
import dev.mechanics.it.client.ApiClient;
import dev.mechanics.it.client.ApiException;
import dev.mechanics.it.client.ApiResponse;
import dev.mechanics.it.client.api.ApprovalsApi;
import dev.mechanics.it.client.api.CustomersApi;
import dev.mechanics.it.client.api.InvoicesApi;
import dev.mechanics.it.client.api.SignUpAndSessionsApi;
import dev.mechanics.it.client.api.StaffApi;
import dev.mechanics.it.client.api.VehiclesApi;
import dev.mechanics.it.client.api.WorkOrdersApi;
import dev.mechanics.it.client.model.ApprovalLinkRequest;
import dev.mechanics.it.client.model.CustomerRequest;
import dev.mechanics.it.client.model.CustomerView;
import dev.mechanics.it.client.model.InvoiceStatus;
import dev.mechanics.it.client.model.InvoiceView;
import dev.mechanics.it.client.model.LineDecision;
import dev.mechanics.it.client.model.LineRequest;
import dev.mechanics.it.client.model.LineType;
import dev.mechanics.it.client.model.LinkAnswerRequest;
import dev.mechanics.it.client.model.LoginRequest;
import dev.mechanics.it.client.model.MeView;
import dev.mechanics.it.client.model.PaymentMethod;
import dev.mechanics.it.client.model.PaymentRequest;
import dev.mechanics.it.client.model.PaymentView;
import dev.mechanics.it.client.model.Problem;
import dev.mechanics.it.client.model.RecordedView;
import dev.mechanics.it.client.model.ShownView;
import dev.mechanics.it.client.model.SignUpRequest;
import dev.mechanics.it.client.model.SignUpResponse;
import dev.mechanics.it.client.model.TokenResponse;
import dev.mechanics.it.client.model.VehicleRequest;
import dev.mechanics.it.client.model.VehicleView;
import dev.mechanics.it.client.model.WorkOrderCreateRequest;
import dev.mechanics.it.client.model.WorkOrderKind;
import dev.mechanics.it.client.model.WorkOrderView;
import dev.mechanics.it.support.Api;
import dev.mechanics.it.support.ContractCheckingHttpClient;
import dev.mechanics.it.support.OpenApiContract;
import dev.mechanics.it.support.ServedOpenApi;
import dev.mechanics.it.support.Vins;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Proves the OpenAPI document true: a client generated from it at build time (openapi-generator, into target/)
 * runs a shop's day from sign-up to payment. Every answer, errors included, is checked against the document
 * ({@link ContractCheckingHttpClient}: documented status, media type, headers, and a body that validates with no
 * undocumented field), and the generated models refuse unknown fields, so a route that answers otherwise than
 * documented fails here.
 */
class ClientFlowIT {

  private final AtomicReference<String> token = new AtomicReference<>();
  private ContractCheckingHttpClient http;
  private ApiClient client;

  @BeforeEach
  void client() throws Exception {
    http = new ContractCheckingHttpClient(OpenApiContract.of(ServedOpenApi.fetch()));
    client = new ApiClient() {
      @Override
      public HttpClient getHttpClient() {
        return http;
      }
    };
    client.updateBaseUri(Api.baseUrl());
    client.getObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    String address = Api.randomClientAddress();
    client.setRequestInterceptor(request -> {
      request.header("X-Forwarded-For", address);
      if (token.get() != null) {
        request.header("Authorization", "Bearer " + token.get());
      }
    });
  }

  @AfterEach
  void everyAnswerWasAsDocumented() {
    assertThat(http.violations()).as("answers that differ from the OpenAPI document (calls: %s)",
        http.operations()).isEmpty();
  }

  @Test
  void aShopDayFromSignUpToPaymentRunsOnTheGeneratedClient() throws Exception {
    SignUpAndSessionsApi sessions = new SignUpAndSessionsApi(client);
    String unique = UUID.randomUUID().toString().substring(0, 8);
    String email = "owner-" + unique + "@client.example";
    String password = "generated client passphrase " + unique;
    Api.rememberSecret(password);
    ApiResponse<SignUpResponse> signUp = sessions.signUpWithHttpInfo(new SignUpRequest()
        .organizationName("Client Garage " + unique).shopName("Main").timeZone("America/New_York").currency("USD")
        .ownerName("Owner " + unique).ownerEmail(email).ownerPassword(password));
    assertThat(signUp.getStatusCode()).isEqualTo(201);
    UUID shopId = signUp.getData().getShopId();

    TokenResponse tokens = sessions.signIn(new LoginRequest().email(email).password(password));
    Api.rememberSecret(tokens.getAccessToken());
    Api.rememberSecret(tokens.getRefreshToken());
    token.set(tokens.getAccessToken());
    MeView me = new StaffApi(client).getCurrentUser();
    assertThat(me.getMemberships()).singleElement().satisfies(m -> assertThat(m.getShopId()).isEqualTo(shopId));

    CustomersApi customers = new CustomersApi(client);
    ApiResponse<CustomerView> registered = customers.registerCustomerWithHttpInfo(new CustomerRequest()
        .firstName("Ada").lastName("Lovelace").email("ada-" + unique + "@example.com").phone("+1 555 010 2030"),
        UUID.randomUUID().toString());
    assertThat(registered.getStatusCode()).isEqualTo(201);
    CustomerView customer = registered.getData();
    String firstTag = registered.getHeaders().get("ETag").get(0);
    assertThat(customers.listCustomers(null, 1, "Love").getItems()).extracting(CustomerView::getId)
        .containsExactly(customer.getId());

    VehicleView vehicle = new VehiclesApi(client).registerVehicle(new VehicleRequest()
        .customerId(customer.getId().toString()).vin(Vins.random()).make("Honda").model("Accord").year(2003),
        UUID.randomUUID().toString());

    WorkOrdersApi workOrders = new WorkOrdersApi(client);
    ApiResponse<WorkOrderView> created = workOrders.createWorkOrderWithHttpInfo(new WorkOrderCreateRequest()
        .shopId(shopId.toString()).customerId(customer.getId().toString()).vehicleId(vehicle.getId().toString())
        .complaint("Grinding noise when braking"), UUID.randomUUID().toString());
    assertThat(created.getStatusCode()).isEqualTo(201);
    UUID workOrderId = created.getData().getId();
    workOrders.addLine(workOrderId, new LineRequest().type(LineType.LABOR).description("Replace front pads")
        .hours(new BigDecimal("1.5")).rate("120.00"), UUID.randomUUID().toString());
    WorkOrderView estimate = workOrders.addLine(workOrderId, new LineRequest().type(LineType.PART)
        .description("Brake pad set").partNumber("BP-1234").quantity(BigDecimal.ONE).unitCost("38.00")
        .unitPrice("79.00"), UUID.randomUUID().toString());
    assertThat(estimate.getLines()).hasSize(2);

    // the customer approves through the signed link, without a token
    // (the body is optional, but the generated client would send a JSON null for a missing one: 400)
    String url = workOrders.createApprovalLink(workOrderId, new ApprovalLinkRequest()).getUrl();
    String linkToken = url.substring(url.indexOf("/approvals/") + "/approvals/".length());
    Api.rememberSecret(linkToken);
    ApprovalsApi approvals = new ApprovalsApi(client);
    String signedIn = token.getAndSet(null);
    ShownView shown = approvals.showEstimate(linkToken);
    RecordedView answer = approvals.answerEstimate(linkToken, new LinkAnswerRequest().approverName("Ada Lovelace")
        .documentHash(shown.getDocumentHash()).decisions(shown.getLines().stream()
            .map(l -> new LineDecision().lineId(l.getId().toString()).approved(true)).toList()));
    assertThat(answer.getApproved()).isEqualTo(2);
    token.set(signedIn);

    assertThat(workOrders.startRepair(workOrderId, UUID.randomUUID().toString()).getKind())
        .isEqualTo(WorkOrderKind.REPAIR_ORDER);
    ApiResponse<InvoiceView> issued = workOrders.issueInvoiceWithHttpInfo(workOrderId, UUID.randomUUID().toString());
    assertThat(issued.getStatusCode()).isEqualTo(201);
    InvoiceView invoice = issued.getData();

    InvoicesApi invoices = new InvoicesApi(client);
    String key = UUID.randomUUID().toString();
    PaymentRequest payment = new PaymentRequest().amount(invoice.getBalanceDue()).method(PaymentMethod.CARD)
        .reference("auth " + unique);
    ApiResponse<PaymentView> paid = invoices.recordPaymentWithHttpInfo(invoice.getId(), key, payment);
    assertThat(paid.getStatusCode()).isEqualTo(201);
    assertThat(paid.getHeaders().get("Idempotent-Replayed")).containsExactly("false");
    assertThat(paid.getData().getInvoiceStatus()).isEqualTo(InvoiceStatus.PAID);
    ApiResponse<PaymentView> retried = invoices.recordPaymentWithHttpInfo(invoice.getId(), key, payment);
    assertThat(retried.getHeaders().get("Idempotent-Replayed")).containsExactly("true");
    assertThat(retried.getData().getId()).isEqualTo(paid.getData().getId());
    assertThat(invoices.listPayments(invoice.getId()).getItems()).hasSize(1);

    // a change from a stale read is a typed 412; an id nobody issued a typed 404
    CustomerRequest renamed = new CustomerRequest().firstName("Ada").lastName("King");
    customers.changeCustomer(customer.getId(), firstTag, renamed);
    Problem stale = problem(() -> customers.changeCustomer(customer.getId(), firstTag, renamed), 412);
    assertThat(stale.getType().toString()).endsWith("/precondition-failed");
    Problem missing = problem(() -> workOrders.getWorkOrder(UUID.randomUUID()), 404);
    assertThat(missing.getType().toString()).endsWith("/not-found");
    assertThat(missing.getRequestId()).isNotBlank();

    sessions.signOut();
    token.set(null);
    assertThat(http.operations()).hasSizeGreaterThanOrEqualTo(20);
  }

  private interface Call {
    void run() throws ApiException;
  }

  /** The problem document of a call that must fail with {@code status}, read with the generated model. */
  private Problem problem(Call call, int status) throws IOException {
    ApiException failure = catchThrowableOfType(ApiException.class, call::run);
    assertThat(failure).as("the call fails with %s", status).isNotNull();
    assertThat(failure.getCode()).isEqualTo(status);
    assertThat(failure.getResponseHeaders().firstValue("Content-Type")).hasValueSatisfying(
        t -> assertThat(t).startsWith("application/problem+json"));
    Problem problem = client.getObjectMapper().readValue(failure.getResponseBody(), Problem.class);
    assertThat(problem.getStatus()).isEqualTo(status);
    return problem;
  }
}
