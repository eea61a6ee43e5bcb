package dev.mechanics.platform.documents;

import java.util.ArrayList;
import java.util.List;

/** Document views that fill every field, and ones that fill nothing optional, for the rendering tests. */
final class DocumentFixtures {

  private DocumentFixtures() {
  }

  static final String NAUGHTY = "<b>Bob</b> & \"Eve\" =HYPERLINK(\"http://x\")";

  static DocumentView full(String kind, Messages m, Formats f, int lineCount, String customerName) {
    DocumentView.ShopBlock shop = new DocumentView.ShopBlock("Demo Auto Care Downtown", "Demo Auto Care LLC",
        List.of("1200 Main Street", "Springfield, IL 62701"), "+1 217 555 0100", "service@demo-auto.example",
        "www.demo-auto.example", List.of(DocumentView.Field.of("Automotive Repair Dealer", "ARD 123456"),
        DocumentView.Field.of("EPA ID", "ILD000123456")), null);
    List<DocumentView.Line> lines = new ArrayList<>();
    for (int i = 0; i < lineCount; i++) {
      lines.add(LineRows.row(new LineRows.Particulars(i % 2 == 0 ? "LABOR" : "PART", "Line " + (i + 1)
          + " Frenos delanteros: pastillas y discos", i % 2 == 0 ? null : "BP-" + (1000 + i),
          i % 2 == 0 ? null : "REBUILT", i % 2 == 0 ? "Tess Técnica" : null, new java.math.BigDecimal("1.5"),
          new java.math.BigDecimal("110.00"), new java.math.BigDecimal("165.00")), f, m,
          kind.equals("estimate") ? m.get("decision.APPROVED", "Carla Driver", "Nov 25, 2026, 10:14 AM PST",
              m.get("method.LINK")) : null, false));
    }
    String title = m.get(switch (kind) {
      case "estimate" -> "doc.estimate";
      case "repair-order" -> "doc.repairOrder";
      case "credit-note" -> "doc.creditNote";
      case "receipt" -> "doc.receipt";
      default -> "doc.invoice";
    });
    String number = "INV-2026-000045";
    String footer = new Letterfooter(m).css(shop.name() + " · " + title + " " + number);
    return new DocumentView(kind, m.locale().getLanguage(), title, number, footer, "#1f5f8b", shop,
        List.of(DocumentView.Field.of(m.get("ref.issued"), "Nov 26, 2026"),
            DocumentView.Field.of(m.get("ref.workOrder"), "WO-000123")),
        new DocumentView.Party(customerName, List.of("42 Elm Street", "Springfield, IL 62704"), "+1 217 555 0199",
            "carla@example.com"),
        new DocumentView.VehicleBlock("2022 Ford F-150", "1FTFW1E50NFA00001", "IL ABC123", "45,120", "45,131"),
        new DocumentView.Work("Grinding noise when braking", "Front pads worn to the backing plate",
            "Replaced front pads and rotors, road tested"),
        lines, !kind.equals("repair-order"),
        List.of(DocumentView.Field.of(m.get("total.subtotal"), f.money(new java.math.BigDecimal("330.00"))),
            new DocumentView.Field(m.get("total.total"), f.money(new java.math.BigDecimal("363.83")), true)),
        List.of(new DocumentView.Payment("Nov 26, 2026, 4:05 PM", m.get("payment.CARD"), "VISA 4242", "$200.00")),
        List.of(new DocumentView.Inspection("Front brakes", m.get("inspection.RED"), "2 mm left")),
        List.of("A note"), "12 months / 12,000 miles on parts and labor", "Due on receipt",
        "Thank you for your business");
  }

  /** The page footer as Letterhead builds it. */
  record Letterfooter(Messages m) {
    String css(String label) {
      String pattern = m.get("page.footer", label, "\u0000", "\u0001");
      int page = pattern.indexOf('\u0000');
      int pages = pattern.indexOf('\u0001');
      return DocumentStyle.cssString(pattern.substring(0, page)) + " counter(page) "
          + DocumentStyle.cssString(pattern.substring(page + 1, pages)) + " counter(pages)";
    }
  }
}
