package dev.mechanics.it.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mechanics.it.support.Api;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a test of the suite: runs only with BENCH_INVOICES set (bench/invoice-list.sh). A new
 * organization's shop gets that many invoices (one issued through the API, the rest copied in SQL with their own
 * work orders), then Chromium measures the invoice list: a page load of /invoices to the first page rendered,
 * the in-app navigation to it, and the next page, each from the page's own clock (performance.now()).
 */
class InvoiceListBenchIT {

  private static final String ROWS = """
      const visit = (root, out) => { for (const el of root.querySelectorAll('*')) {
        if (el.localName === 'invoices-screen' && el.shadowRoot) out.push(el.shadowRoot);
        if (el.shadowRoot) visit(el.shadowRoot, out); } return out; };
      const screen = () => visit(document, [])[0];
      const rows = () => screen()?.querySelectorAll('tbody tr') ?? [];
      """;

  @Test
  void invoiceListOfAShopWithManyInvoices() throws Exception {
    String setting = System.getenv("BENCH_INVOICES");
    Assumptions.assumeTrue(setting != null, "BENCH_INVOICES not set: benchmark skipped");
    int count = Integer.parseInt(setting);
    int rounds = Integer.parseInt(System.getenv().getOrDefault("BENCH_ROUNDS", "7"));

    String unique = UUID.randomUUID().toString().substring(0, 8);
    String email = "bench-" + unique + "@example.com";
    String password = "bench invoices " + unique;
    Api.anonymous().body(Map.of("organizationName", "Bench " + unique, "shopName", "Bench shop " + unique,
        "timeZone", "America/Chicago", "currency", "USD", "ownerName", "Bench Owner", "ownerEmail", email,
        "ownerPassword", password)).post("/organizations").then().statusCode(201);
    Api.Tenant owner = Api.Tenant.of(Api.login(email, password));
    dev.mechanics.it.support.Shop shop = new dev.mechanics.it.support.Shop(owner);
    String order = shop.estimate();
    shop.addLines(order, List.of(dev.mechanics.it.support.Shop.labor("Oil change", "1", "90.00")));
    String template = shop.invoiced(order);
    long seeded = System.nanoTime();
    copy(template, count - 1);
    System.out.printf("[InvoiceListBench] %d invoices in one shop (copied in %.1f s)%n", count,
        (System.nanoTime() - seeded) / 1e9);

    try (Browser browser = new Browser(Api.baseUrl(), "bench", Browser.Size.DESKTOP)) {
      browser.signIn("/customers", email, password);
      browser.driver().manage().timeouts().scriptTimeout(java.time.Duration.ofSeconds(60));
      List<Double> load = new ArrayList<>();
      List<Double> navigate = new ArrayList<>();
      List<Double> next = new ArrayList<>();
      for (int i = 0; i < rounds; i++) {
        // a page load (the session is restored from the refresh cookie first, as on any reload)
        browser.open("/invoices");
        load.add(((Number) browser.driver().executeAsyncScript(ROWS + """
            const done = arguments[arguments.length - 1];
            const poll = () => rows().length > 0 ? done(performance.now()) : setTimeout(poll, 5);
            poll();""")).doubleValue());
        // in the app: from another screen to the list by the navigation link
        browser.driver().executeScript("history.pushState({}, '', '/customers'); dispatchEvent(new PopStateEvent('popstate'))");
        browser.deep("#customer-q");
        navigate.add(((Number) browser.driver().executeAsyncScript(ROWS + """
            const done = arguments[arguments.length - 1];
            const find = (root) => { for (const el of root.querySelectorAll('*')) {
              if (el.localName === 'a' && el.getAttribute('href') === '/invoices') return el;
              if (el.shadowRoot) { const f = find(el.shadowRoot); if (f) return f; } } return null; };
            const t0 = performance.now();
            find(document).click();
            const poll = () => rows().length > 0 ? done(performance.now() - t0) : setTimeout(poll, 5);
            poll();""")).doubleValue());
        // the next page
        next.add(((Number) browser.driver().executeAsyncScript(ROWS + """
            const done = arguments[arguments.length - 1];
            const first = rows()[0].textContent;
            const t0 = performance.now();
            screen().querySelector('#next-page').click();
            const poll = () => rows().length > 0 && rows()[0].textContent !== first
              ? done(performance.now() - t0) : setTimeout(poll, 5);
            poll();""")).doubleValue());
      }
      browser.assertNoConsoleErrors("invoices");
      System.out.printf("[InvoiceListBench] page load to first page rendered: %s%n", figures(load));
      System.out.printf("[InvoiceListBench] in-app navigation to first page rendered: %s%n", figures(navigate));
      System.out.printf("[InvoiceListBench] next page rendered: %s%n", figures(next));
      assertThat(load).isNotEmpty();
    }
  }

  private static String figures(List<Double> ms) {
    List<Double> sorted = new ArrayList<>(ms);
    Collections.sort(sorted);
    return String.format("median %.0f ms, best %.0f ms, worst %.0f ms over %d rounds", sorted.get(sorted.size() / 2),
        sorted.get(0), sorted.get(sorted.size() - 1), sorted.size());
  }

  /** Copies the invoice (and its work order) n times in SQL, each with its own id, number and work order. */
  private static void copy(String invoiceId, int n) throws Exception {
    try (Connection db = Api.database(); Statement st = db.createStatement()) {
      db.setAutoCommit(false);
      st.execute("create temp table bench_map as select gen_random_uuid() wo, gen_random_uuid() inv, g "
          + "from generate_series(1, " + n + ") g");
      String workOrder;
      try (PreparedStatement ps = db.prepareStatement("select work_order_id from invoices where id = ?::uuid")) {
        ps.setString(1, invoiceId);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          workOrder = rs.getString(1);
        }
      }
      st.execute(insert(db, "work_orders", Map.of("id", "m.wo", "number", "'B' || m.g"), workOrder));
      st.execute(insert(db, "invoices", Map.of("id", "m.inv", "work_order_id", "m.wo",
          "number", "'BENCH-' || m.g", "sequence", "1000000 + m.g",
          "issued_at", "t.issued_at - (m.g || ' minutes')::interval"), invoiceId));
      db.commit();
      st.execute("analyze invoices");
      st.execute("analyze work_orders");
    }
  }

  private static String insert(Connection db, String table, Map<String, String> replaced, String templateId)
      throws Exception {
    List<String> columns = new ArrayList<>();
    try (PreparedStatement ps = db.prepareStatement("select column_name from information_schema.columns "
        + "where table_name = ? and table_schema = current_schema() order by ordinal_position")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          columns.add(rs.getString(1));
        }
      }
    }
    String values = String.join(", ", columns.stream().map(c -> replaced.getOrDefault(c, "t." + c)).toList());
    return "insert into " + table + " (" + String.join(", ", columns) + ") select " + values + " from " + table
        + " t, bench_map m where t.id = '" + templateId + "'";
  }
}
