package dev.mechanics.inserver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mechanics.customer.Customer;
import dev.mechanics.customer.CustomerDetails;
import dev.mechanics.customer.CustomerService;
import dev.mechanics.customer.Vehicle;
import dev.mechanics.customer.VehicleDetails;
import dev.mechanics.customer.VehicleService;
import dev.mechanics.customer.Vin;
import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.Id;
import dev.mechanics.platform.Money;
import dev.mechanics.platform.Page;
import dev.mechanics.platform.PageRequest;
import dev.mechanics.platform.StatementCounter;
import dev.mechanics.platform.Tenancy;
import dev.mechanics.tenancy.Caller;
import dev.mechanics.tenancy.Role;
import dev.mechanics.tenancy.Shop;
import dev.mechanics.tenancy.SignUp;
import dev.mechanics.tenancy.SignUpService;
import dev.mechanics.workorder.BoardService;
import dev.mechanics.workorder.EstimateLineService;
import dev.mechanics.workorder.LineDetails;
import dev.mechanics.workorder.LineType;
import dev.mechanics.workorder.TaxRateService;
import dev.mechanics.workorder.TaxRates;
import dev.mechanics.workorder.TaxRule;
import dev.mechanics.workorder.Totals;
import dev.mechanics.workorder.WorkOrder;
import dev.mechanics.workorder.WorkOrderLine;
import dev.mechanics.workorder.WorkOrderService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import org.assertj.core.api.Assertions;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.type.format.jakartajson.JsonBJsonFormatMapper;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * No N+1 queries: inside the server, with Hibernate's own statement inspector counting, the board listing and a
 * work-order read prepare the same number of SQL statements whether they touch few rows or many. And what the
 * persistence unit builds at boot that no request needs.
 */
@ExtendWith(ArquillianExtension.class)
class QueryCountInServerIT {

  @Deployment
  static WebArchive deployment() {
    return InServerArchive.of("query-count-it.war", QueryCountInServerIT.class);
  }


  @Inject
  SignUpService signUps;

  @Inject
  CustomerService customers;

  @Inject
  VehicleService vehicles;

  @Inject
  WorkOrderService workOrders;

  @Inject
  EstimateLineService estimateLines;

  @Inject
  BoardService board;

  @Inject
  TaxRateService taxRateService;

  @Inject
  TaxRates taxRates;

  @PersistenceUnit(unitName = "mechanics")
  EntityManagerFactory persistenceUnit;

  private record Chain(UUID organization, UUID shop, UUID owner) {
  }

  private Chain newChain() {
    String unique = UUID.randomUUID().toString().substring(0, 8);
    SignUpService.Created created = signUps.signUp(new SignUp("Counted " + unique, "Shop " + unique, "UTC", "USD",
        "Owner", "count-" + unique + "@example.com", "count password " + unique));
    return new Chain(created.organization().getId(), created.shop().getId(), created.owner().getId());
  }

  private static Caller owner(Chain chain) {
    return new Caller(chain.owner(), chain.organization(), Set.of(Role.OWNER), Map.of(chain.shop(), Role.OWNER));
  }

  private static String vin() {
    String alphabet = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
    StringBuilder vin = new StringBuilder();
    for (int i = 0; i < 17; i++) {
      vin.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
    }
    return Vin.withCheckDigit(vin.toString());
  }

  /** A work order of its own customer and vehicle, with {@code lines} lines. */
  private UUID workOrderWith(Chain chain, int lines) {
    return Tenancy.callAs(chain.organization(), () -> {
      Customer customer = customers.register(new CustomerDetails("Count", "Customer", null, null, null));
      Vehicle vehicle = vehicles.register(new VehicleDetails(customer.getId(), new Vin(vin()), null, "Ford",
          "Focus", 2015, 90000));
      WorkOrder workOrder = workOrders.create(new WorkOrderService.NewWorkOrder(new Id<>(chain.shop()),
          new Id<>(customer.getId()), new Id<>(vehicle.getId()), 90100, "Noise", List.of(), null),
          chain.owner());
      for (int i = 0; i < lines; i++) {
        estimateLines.addLine(new Id<>(workOrder.getId()), new LineDetails(LineType.PART, "Part " + i, null,
            null, null, "P-" + i,
            BigDecimal.ONE, Money.of("1.00"), Money.of("2.50"), true));
      }
      return workOrder.getId();
    });
  }

  private int boardStatements(Chain chain) {
    return Tenancy.callAs(chain.organization(), () -> {
      StatementCounter.Counted<Page<BoardService.BoardEntry>> counted = StatementCounter.count(() ->
          board.cards(owner(chain), new Id<>(chain.shop()), null, new PageRequest(null, 50)));
      // each card carries what the board shows of it, read by those statements
      assertThat(counted.result().items()).allSatisfy(e -> {
        assertThat(e.card().customerLastName()).isEqualTo("Customer");
        assertThat(e.card().vin()).isNotBlank();
        assertThat(e.card().lineCount()).isPositive();
        assertThat(e.total().isNegative()).isFalse();
      });
      return counted.statements();
    });
  }

  /** What a GET of the work order runs: its read-only read, then its totals. */
  private int readStatements(Chain chain, UUID workOrderId) {
    return Tenancy.callAs(chain.organization(), () -> StatementCounter.count(() -> {
      WorkOrder workOrder = workOrders.read(owner(chain), new Id<>(workOrderId));
      Totals totals = workOrders.totalsOf(workOrder);
      return totals.total();
    }).statements());
  }

  @Test
  void noColumnIsJsonSoHibernateMapsJsonWithLibertysJsonBNotAJacksonObjectMapper() {
    // Jackson is on the class path (the Azure SDK): by default Hibernate built an ObjectMapper at boot, ~450 classes
    assertThat(persistenceUnit.unwrap(SessionFactoryImplementor.class).getSessionFactoryOptions()
        .getJsonFormatMapper()).isInstanceOf(JsonBJsonFormatMapper.class);
  }

  @Test
  void theBoardOf50WorkOrdersWithLinesCustomersAndVehiclesCostsAsManyStatementsAsABoardOf3() {
    Chain small = newChain();
    for (int i = 0; i < 3; i++) {
      workOrderWith(small, 1);
    }
    Chain large = newChain();
    for (int i = 0; i < 50; i++) {
      workOrderWith(large, 1 + i % 4);
    }
    int smallCount = boardStatements(small);
    int largeCount = boardStatements(large);
    assertThat(largeCount).as("statements for a board of 50").isEqualTo(smallCount).isLessThanOrEqualTo(2);
    assertThat(Tenancy.callAs(large.organization(), () ->
        board.cards(owner(large), new Id<>(large.shop()), null, new PageRequest(null, 50))).items()).hasSize(50);
  }

  @Test
  void readingAWorkOrderCostsTheSameWithOneLineOrForty() {
    Chain chain = newChain();
    UUID one = workOrderWith(chain, 1);
    UUID forty = workOrderWith(chain, 40);
    int oneCount = readStatements(chain, one);
    int fortyCount = readStatements(chain, forty);
    assertThat(fortyCount).isEqualTo(oneCount).isLessThanOrEqualTo(2);
  }

  @Test
  void aShopsTaxRulesAreReadInItsOrderAndOnlyWithinItsOrganization() {
    Chain chain = newChain();
    Chain other = newChain();
    List<TaxRule> rules = List.of(new TaxRule("State", new BigDecimal("0.0625"), false, true),
        new TaxRule("County", new BigDecimal("0.0100"), true, true));
    Tenancy.callAs(chain.organization(), () -> taxRateService.replace(owner(chain), new Id<>(chain.shop()), rules));

    assertThat(Tenancy.callAs(chain.organization(), () -> taxRates.rulesOf(chain.shop()))).isEqualTo(rules);
    // native SQL: the organization is a condition of the statement itself, not of Hibernate's tenant filter
    assertThat(Tenancy.callAs(other.organization(), () -> taxRates.rulesOf(chain.shop())))
        .as("another organization asking for this shop's rates").isEmpty();
  }

  @Test
  void aWorkOrderIsReadWithItsLinesInTheirOrderAndOnlyWithinItsOrganization() {
    Chain chain = newChain();
    Chain other = newChain();
    UUID id = workOrderWith(chain, 12);

    // the lines come with the work order in one statement (a fetch join), in position order
    WorkOrder read = Tenancy.callAs(chain.organization(), () -> workOrders.read(owner(chain), new Id<>(id)));
    assertThat(read.getLines()).extracting(WorkOrderLine::getDescription)
        .containsExactlyElementsOf(IntStream.range(0, 12).mapToObj(i -> "Part " + i).toList());
    assertThat(read.getLines()).extracting(WorkOrderLine::getPosition).isSorted().doesNotHaveDuplicates();
    Assertions.assertThatThrownBy(() -> Tenancy.callAs(other.organization(),
            () -> workOrders.read(owner(other), new Id<>(id))))
        .as("another organization reading this work order").isInstanceOf(DomainException.NotFound.class);
  }
}
