import dev.mechanics.platform.documents.Chart;
import dev.mechanics.platform.documents.DocumentView;
import dev.mechanics.platform.documents.Formats;
import dev.mechanics.platform.documents.LineRows;
import dev.mechanics.platform.documents.Messages;
import dev.mechanics.platform.documents.PdfRenderer;
import dev.mechanics.platform.documents.Templates;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Document rendering benchmark (issue 18), run by bench/documents.sh: invoices per second on one thread
 * (template + PDF/A rendering, 8 lines, as GET /invoices/{id}/pdf renders them), then the PDF work of a month
 * report for 50 shops (its template with the 30-day trend chart and the three shop-comparison bar charts, 51
 * KPI sections). The report's SQL is measured by bench/report-run.sh against a server.
 */
public class DocumentsBench {

  public static void main(String[] args) {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    Locale locale = Locale.US;
    Messages m = Messages.of(locale);
    Formats f = Formats.of(locale, "America/Chicago", "USD");
    DocumentView invoice = invoice(m, f);
    String template = "pdf/invoice.ftlh";
    for (int i = 0; i < 20; i++) {
      render(template, invoice, m, Map.of());
    }
    long start = System.nanoTime();
    long end = start + seconds * 1_000_000_000L;
    int count = 0;
    long bytes = 0;
    List<Long> times = new ArrayList<>();
    while (System.nanoTime() < end) {
      long t = System.nanoTime();
      bytes += render(template, invoice, m, Map.of()).length;
      times.add(System.nanoTime() - t);
      count++;
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    times.sort(Long::compare);
    System.out.printf("invoice PDF (8 lines, PDF/A-2b, one thread): %d in %.1f s = %.1f invoices/s; p50 %.1f ms, "
        + "p99 %.1f ms; %d bytes each%n", count, elapsed, count / elapsed, times.get(times.size() / 2) / 1e6,
        times.get((int) (times.size() * 0.99)) / 1e6, bytes / count);

    String report = reportXhtml(m, f, 50);
    Map<String, Chart> charts = charts(50);
    for (int i = 0; i < 2; i++) {
      PdfRenderer.render(report, charts, "#1f5f8b");
    }
    int runs = 5;
    long r0 = System.nanoTime();
    int size = 0;
    for (int i = 0; i < runs; i++) {
      size = PdfRenderer.render(reportXhtml(m, f, 50), charts, "#1f5f8b").length;
    }
    System.out.printf("month report PDF, 50 shops, 4 charts: %.0f ms each (mean of %d), %d bytes%n",
        (System.nanoTime() - r0) / 1e6 / runs, runs, size);
  }

  static byte[] render(String template, DocumentView view, Messages m, Map<String, Chart> charts) {
    return PdfRenderer.render(Templates.render(template, Map.of("doc", view), m), charts, view.accentColor());
  }

  static DocumentView invoice(Messages m, Formats f) {
    List<DocumentView.Line> lines = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      lines.add(LineRows.row(new LineRows.Particulars(i % 2 == 0 ? "LABOR" : "PART", "Line " + i,
          i % 2 == 0 ? null : "BP-" + i, i % 2 == 0 ? null : "NEW", i % 2 == 0 ? "Tess Tech" : null,
          new BigDecimal("1.5"), new BigDecimal("110.00"), new BigDecimal("165.00")), f, m, null, false));
    }
    DocumentView.ShopBlock shop = new DocumentView.ShopBlock("Main Street Auto", "Main Street Auto LLC",
        List.of("1200 Main Street", "Sacramento, CA 95814"), "+1 916 555 0142", "service@example.com", null,
        List.of(DocumentView.Field.of("ARD", "123456")), null);
    return new DocumentView("invoice", "en", "Invoice", "INV-2026-000045",
        "\"Main Street Auto · Invoice INV-2026-000045 · Page \" counter(page) \" of \" counter(pages)", "#1f5f8b",
        shop, List.of(DocumentView.Field.of("Work order", "WO-000123")),
        new DocumentView.Party("Carla Driver", List.of("42 Elm Street"), "+1 916 555 0199", null),
        new DocumentView.VehicleBlock("2022 Ford F-150", "1FTFW1E50NFA00001", "8ABC123", "45,120", "45,131"),
        new DocumentView.Work("Grinding noise", "Worn pads", "Replaced pads"), lines, true,
        List.of(new DocumentView.Field("Total", "$1,320.00", true)),
        List.of(new DocumentView.Payment("Nov 29, 2026", "Card", "VISA 4242", "$200.00")), List.of(), List.of(),
        "12 months / 12,000 miles", "Due on receipt", null);
  }

  /** The report template's shape with 50 shop sections (what ShopReportDocument produces). */
  static String reportXhtml(Messages m, Formats f, int shops) {
    StringBuilder sections = new StringBuilder();
    for (int s = 0; s <= shops; s++) {
      sections.append("<h2>Shop ").append(s).append("</h2><table class=\"kpis\"><tbody>");
      for (int k = 0; k < 12; k++) {
        sections.append("<tr><td>KPI ").append(k).append("</td><td>$12,340.00</td><td>$11,000.00</td>")
            .append("<td>+12.2 %</td><td>$9,800.00</td><td>+25.9 %</td></tr>");
      }
      sections.append("</tbody></table>");
    }
    return "<!DOCTYPE html><html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head><meta charset=\"UTF-8\"/>"
        + "<title>Shop report</title><style>@page { size: A4; margin: 14mm; @bottom-right { content: \"Page \" "
        + "counter(page) \" of \" counter(pages); font-family: 'Liberation Sans'; } } body { font-family: "
        + "'Liberation Sans'; font-size: 8.5pt; } .chart { width: 186mm; height: 70mm; display: block; } "
        + ".bar { width: 60mm; height: 52mm; display: block; } table { width: 100%; border-collapse: collapse; }"
        + "</style></head><body><object type=\"chart\" data-chart=\"trend\" class=\"chart\"></object>"
        + "<table><tr><td><object type=\"chart\" data-chart=\"aro\" class=\"bar\"></object></td><td><object "
        + "type=\"chart\" data-chart=\"elr\" class=\"bar\"></object></td><td><object type=\"chart\" "
        + "data-chart=\"gp\" class=\"bar\"></object></td></tr></table>" + sections + "</body></html>";
  }

  static Map<String, Chart> charts(int shops) {
    List<String> days = new ArrayList<>();
    List<BigDecimal> sales = new ArrayList<>();
    List<Long> cars = new ArrayList<>();
    for (int d = 1; d <= 30; d++) {
      days.add("11/" + d);
      sales.add(BigDecimal.valueOf(10_000 + d * 137L));
      cars.add(40L + d % 7);
    }
    List<String> names = new ArrayList<>();
    List<BigDecimal> values = new ArrayList<>();
    for (int s = 0; s < shops; s++) {
      names.add("Shop " + s);
      values.add(BigDecimal.valueOf(300 + s));
    }
    return Map.of("trend", new Chart.Trend("Sales and car count", days, "Sales ($)", sales, "Car count", cars),
        "aro", new Chart.Bars("Average repair order", names, "ARO", values),
        "elr", new Chart.Bars("Effective labor rate", names, "ELR", values),
        "gp", new Chart.Bars("Gross profit %", names, "GP %", values));
  }
}
