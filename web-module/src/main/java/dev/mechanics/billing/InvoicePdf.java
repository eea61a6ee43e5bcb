package dev.mechanics.billing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import dev.mechanics.platform.pdf.PdfPages;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Invoices and credit notes as one-or-more-page A4 PDFs (PDFBox), from their frozen documents. */
final class InvoicePdf {

  private static final float MARGIN = 50;
  private static final float LINE = 15;

  private InvoicePdf() {
  }

  static void write(Invoice invoice, String shopName, String timeZone, OutputStream out) throws IOException {
    InvoiceDocument document = invoice.getDocument();
    List<String[]> totals = new ArrayList<>();
    totals.add(new String[] {"", "Subtotal", invoice.getSubtotal().toString()});
    taxRows(document, totals);
    totals.add(new String[] {"b", "Total", invoice.getTotal().toString()});
    if (!invoice.getAmountCredited().isZero()) {
      totals.add(new String[] {"", "Credited", invoice.getAmountCredited().toString()});
    }
    totals.add(new String[] {"", "Paid", invoice.getAmountPaid().toString()});
    totals.add(new String[] {"b", "Balance due", invoice.getBalanceDue().toString()});
    if (!invoice.getRefundDue().isZero()) {
      totals.add(new String[] {"b", "Refund due", invoice.getRefundDue().toString()});
    }
    render("Invoice " + invoice.getNumber(), shopName + "  |  work order " + document.workOrderNumber()
        + "  |  issued " + day(invoice.getIssuedAt(), timeZone), document, totals, out);
  }

  /** A credit note, laid out like its invoice: the credited lines, the tax on them, the total credited. */
  static void write(CreditNote note, Invoice invoice, String shopName, String timeZone, OutputStream out)
      throws IOException {
    InvoiceDocument document = note.getDocument();
    List<String[]> totals = new ArrayList<>();
    totals.add(new String[] {"", "Subtotal credited", note.getSubtotal().toString()});
    taxRows(document, totals);
    totals.add(new String[] {"b", "Total credited", note.getTotal().toString()});
    render("Credit note " + note.getNumber(), shopName + "  |  for invoice " + invoice.getNumber() + "  |  issued "
        + day(note.getIssuedAt(), timeZone) + "  |  reason: " + clip(note.getReason()), document, totals, out);
  }

  private static void taxRows(InvoiceDocument document, List<String[]> totals) {
    document.taxes().forEach(t -> totals.add(new String[] {"", t.name() + " (" + t.rate().movePointRight(2)
        .stripTrailingZeros().toPlainString() + " %)", t.amount().toString()}));
  }

  private static String day(Instant at, String timeZone) {
    return DateTimeFormatter.ISO_LOCAL_DATE.format(at.atZone(ZoneId.of(timeZone)));
  }

  /** Title, one line under it, the lines table and the totals rows ({"b" for bold or "", label, amount}). */
  private static void render(String title, String subtitle, InvoiceDocument document, List<String[]> totals,
                             OutputStream out) throws IOException {
    PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    try (PDDocument pdf = new PDDocument()) {
      Writer w = new Writer(pdf);
      w.text(bold, 18, MARGIN, title);
      w.down(LINE * 1.5f);
      w.text(regular, 10, MARGIN, subtitle);
      w.down(LINE * 2);
      w.row(bold, "Description", "Qty", "Price", "Amount");
      for (InvoiceDocument.Line line : document.lines()) {
        w.row(regular, clip(line.description()), line.quantity().signum() == 0 ? ""
                : line.quantity().stripTrailingZeros().toPlainString(), line.unitPrice().toString(),
            line.amount().toString());
      }
      w.down(LINE);
      for (String[] row : totals) {
        w.row("b".equals(row[0]) ? bold : regular, row[1], "", "", row[2]);
      }
      w.close();
      pdf.save(out);
    }
  }

  private static String clip(String text) {
    String ascii = text.replaceAll("[^\\x20-\\x7E]", "?");
    return ascii.length() > 60 ? ascii.substring(0, 57) + "..." : ascii;
  }

  /** Invoice rows on {@link PdfPages}. */
  private static final class Writer {
    private final PdfPages pages;

    Writer(PDDocument pdf) throws IOException {
      this.pages = new PdfPages(pdf, MARGIN);
    }

    void down(float by) throws IOException {
      pages.down(by);
    }

    void text(PDType1Font f, float size, float x, String text) throws IOException {
      pages.show(f, size, x, text);
    }

    void row(PDType1Font f, String description, String qty, String price, String amount) {
      try {
        text(f, 10, MARGIN, description);
        text(f, 10, 350, qty);
        text(f, 10, 410, price);
        float width = f.getStringWidth(amount) / 1000 * 10;
        text(f, 10, 545 - width, amount);
        down(LINE);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    void close() throws IOException {
      pages.close();
    }
  }
}
