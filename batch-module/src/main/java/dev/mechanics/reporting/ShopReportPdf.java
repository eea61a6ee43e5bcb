package dev.mechanics.reporting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import dev.mechanics.platform.pdf.PdfPages;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** The report as an A4 PDF (PDFBox): the organization's KPIs, then each shop's, with the KPI version. */
final class ShopReportPdf {

  private static final float MARGIN = 50;
  private static final float LINE = 14;
  private static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
  private static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

  private ShopReportPdf() {
  }

  static byte[] write(ShopReport report) throws IOException {
    ReportRun run = report.run();
    try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Pages p = new Pages(pdf);
      p.text(BOLD, 16, "Shop report " + run.label() + " - " + report.organizationName());
      p.text(REGULAR, 9, "Period " + run.start() + " to " + run.endExclusive() + " (exclusive), time zone "
          + run.timeZone());
      p.text(REGULAR, 9, "KPI definitions " + run.kpiVersion() + " (docs/kpis.md)");
      p.text(REGULAR, 9, "Generated " + report.generatedAt() + ", run " + run.instanceId());
      p.down(LINE);
      section(p, "Organization (all shops)", report.organization(), report.organizationOpenByStatus(), List.of());
      for (ShopReport.Shop shop : report.shops()) {
        section(p, "Shop " + shop.name(), shop.figures(), shop.openByStatus(), shop.technicians());
      }
      p.close();
      pdf.save(out);
      return out.toByteArray();
    }
  }

  private static void section(Pages p, String title, ShopReport.Figures f, Map<String, Long> open,
                              List<ShopReport.Technician> technicians) throws IOException {
    p.text(BOLD, 12, ascii(title));
    for (String[] kpi : ShopReport.kpis(f)) {
      p.row(kpi[0].replace('_', ' '), kpi[1]);
    }
    for (ShopReport.Technician t : technicians) {
      p.row("hours sold / clocked: " + ascii(t.name()), t.hoursSold().toPlainString() + " / "
          + ShopReport.NOT_RECORDED);
    }
    if (open.isEmpty()) {
      p.row("open work orders", "0");
    }
    for (Map.Entry<String, Long> e : open.entrySet()) {
      p.row("open work orders: " + ascii(e.getKey()), e.getValue().toString());
    }
    p.down(LINE);
  }

  /** The standard fonts cover Latin-1 only: anything else prints as '?'. */
  private static String ascii(String text) {
    String clean = text.replaceAll("[^\\x20-\\x7E]", "?");
    return clean.length() > 90 ? clean.substring(0, 87) + "..." : clean;
  }

  /** Report lines on {@link PdfPages}, Latin-1 only. */
  private static final class Pages {
    private final PdfPages pages;

    Pages(PDDocument pdf) throws IOException {
      this.pages = new PdfPages(pdf, MARGIN);
    }

    void down(float by) throws IOException {
      pages.down(by);
    }

    void text(PDType1Font font, float size, String text) throws IOException {
      show(font, size, MARGIN, text);
      down(LINE * (size > 10 ? 1.4f : 1f));
    }

    void row(String label, String value) throws IOException {
      show(REGULAR, 10, MARGIN + 10, label);
      show(REGULAR, 10, MARGIN + 330, value);
      down(LINE);
    }

    private void show(PDType1Font font, float size, float x, String text) throws IOException {
      pages.show(font, size, x, ascii(text));
    }

    void close() throws IOException {
      pages.close();
    }
  }
}
