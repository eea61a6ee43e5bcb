package dev.mechanics.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/** PDFs the server produced: their text page by page, their PDF/A-2b conformance, their first page as a PNG. */
public final class Pdfs {

  /** Where a reviewer finds the first pages of the documents the tests produced. */
  public static final Path PICTURES = Path.of("target", "documents");

  static {
    VeraGreenfieldFoundryProvider.initialise();
  }

  private Pdfs() {
  }

  public static List<String> pages(byte[] pdf) throws IOException {
    assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    try (PDDocument document = Loader.loadPDF(pdf)) {
      List<String> pages = new ArrayList<>();
      PDFTextStripper stripper = new PDFTextStripper();
      for (int i = 1; i <= document.getNumberOfPages(); i++) {
        stripper.setStartPage(i);
        stripper.setEndPage(i);
        pages.add(stripper.getText(document));
      }
      return pages;
    }
  }

  public static String text(byte[] pdf) throws IOException {
    return String.join("\n", pages(pdf));
  }

  public static void assertPdfA2b(byte[] pdf, String what) throws Exception {
    try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf),
        PDFAFlavour.PDFA_2_B);
         PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_2_B, false)) {
      ValidationResult result = validator.validate(parser);
      List<String> failed = result.getTestAssertions().stream()
          .filter(a -> a.getStatus() != TestAssertion.Status.PASSED)
          .map(a -> a.getRuleId().getClause() + " " + a.getMessage()).distinct().toList();
      assertThat(failed).as(what + ": PDF/A-2b rules broken").isEmpty();
      assertThat(result.isCompliant()).as(what).isTrue();
    }
  }

  /** The first page as target/documents/{name}.png (110 dpi). */
  public static void picture(byte[] pdf, String name) throws IOException {
    Files.createDirectories(PICTURES);
    try (PDDocument document = Loader.loadPDF(pdf)) {
      ImageIO.write(new PDFRenderer(document).renderImageWithDPI(0, 110), "png",
          PICTURES.resolve(name + ".png").toFile());
    }
  }
}
