package dev.mechanics.platform.pdf;

import java.io.Closeable;
import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;

/** A4 pages written top-down (invoices, credit notes, shop reports): a new page starts when one is full. */
public final class PdfPages implements Closeable {

  private final PDDocument pdf;
  private final float margin;
  private PDPageContentStream stream;
  private float y;

  public PdfPages(PDDocument pdf, float margin) throws IOException {
    this.pdf = pdf;
    this.margin = margin;
    newPage();
  }

  private void newPage() throws IOException {
    if (stream != null) {
      stream.close();
    }
    PDPage page = new PDPage(PDRectangle.A4);
    pdf.addPage(page);
    stream = new PDPageContentStream(pdf, page);
    y = page.getMediaBox().getHeight() - margin;
  }

  /** Moves down; past the bottom margin the next text goes on a new page. */
  public void down(float by) throws IOException {
    y -= by;
    if (y < margin) {
      newPage();
    }
  }

  /** Writes {@code text} at {@code x} on the current line. */
  public void show(PDType1Font font, float size, float x, String text) throws IOException {
    stream.beginText();
    stream.setFont(font, size);
    stream.newLineAtOffset(x, y);
    stream.showText(text);
    stream.endText();
  }

  @Override
  public void close() throws IOException {
    stream.close();
  }
}
