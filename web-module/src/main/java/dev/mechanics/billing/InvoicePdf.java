package dev.mechanics.billing;

import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** The invoice as a one-or-more-page A4 PDF (PDFBox), from the frozen invoice document. */
final class InvoicePdf {

  private static final float MARGIN = 50;
  private static final float LINE = 15;

  private InvoicePdf() {
  }

  static void write(Invoice invoice, String shopName, String timeZone, OutputStream out) throws IOException {
    InvoiceDocument document = invoice.getDocument();
    PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    try (PDDocument pdf = new PDDocument()) {
      Writer w = new Writer(pdf, regular);
      w.text(bold, 18, MARGIN, "Invoice " + invoice.getNumber());
      w.down(LINE * 1.5f);
      w.text(regular, 10, MARGIN, shopName + "  |  work order " + document.workOrderNumber() + "  |  issued "
          + DateTimeFormatter.ISO_LOCAL_DATE.format(invoice.getIssuedAt().atZone(ZoneId.of(timeZone))));
      w.down(LINE * 2);
      w.row(bold, "Description", "Qty", "Price", "Amount");
      for (InvoiceDocument.Line line : document.lines()) {
        w.row(regular, clip(line.description()), line.quantity().stripTrailingZeros().toPlainString(),
            line.unitPrice().toString(), line.amount().toString());
      }
      w.down(LINE);
      w.row(regular, "Subtotal", "", "", invoice.getSubtotal().toString());
      document.taxes().forEach(t -> w.row(regular, t.name() + " (" + t.rate().movePointRight(2)
          .stripTrailingZeros().toPlainString() + " %)", "", "", t.amount().toString()));
      w.row(bold, "Total", "", "", invoice.getTotal().toString());
      w.row(regular, "Paid", "", "", invoice.getAmountPaid().toString());
      w.row(bold, "Balance due", "", "", invoice.getBalanceDue().toString());
      w.close();
      pdf.save(out);
    }
  }

  private static String clip(String text) {
    String ascii = text.replaceAll("[^\\x20-\\x7E]", "?");
    return ascii.length() > 60 ? ascii.substring(0, 57) + "..." : ascii;
  }

  /** Writes rows top-down and starts a new page when one is full. */
  private static final class Writer {
    private final PDDocument pdf;
    private final PDType1Font font;
    private PDPageContentStream stream;
    private float y;

    Writer(PDDocument pdf, PDType1Font font) throws IOException {
      this.pdf = pdf;
      this.font = font;
      newPage();
    }

    private void newPage() throws IOException {
      if (stream != null) {
        stream.close();
      }
      PDPage page = new PDPage(PDRectangle.A4);
      pdf.addPage(page);
      stream = new PDPageContentStream(pdf, page);
      y = page.getMediaBox().getHeight() - MARGIN;
    }

    void down(float by) throws IOException {
      y -= by;
      if (y < MARGIN) {
        newPage();
      }
    }

    void text(PDType1Font f, float size, float x, String text) throws IOException {
      stream.beginText();
      stream.setFont(f, size);
      stream.newLineAtOffset(x, y);
      stream.showText(text);
      stream.endText();
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
        throw new java.io.UncheckedIOException(e);
      }
    }

    void close() throws IOException {
      stream.close();
    }
  }
}
