package dev.mechanics.platform.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/** Reading PDFs back in tests: their text page by page (PDFBox), and their PDF/A-2b conformance (veraPDF). */
final class PdfAssertions {

  static {
    VeraGreenfieldFoundryProvider.initialise();
  }

  private PdfAssertions() {
  }

  static List<String> pages(byte[] pdf) throws IOException {
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

  static void assertPdfA2b(byte[] pdf) throws Exception {
    try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf),
        PDFAFlavour.PDFA_2_B);
         PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_2_B, false)) {
      ValidationResult result = validator.validate(parser);
      List<String> failed = result.getTestAssertions().stream()
          .filter(a -> a.getStatus() != TestAssertion.Status.PASSED)
          .map(a -> a.getRuleId().getClause() + " " + a.getMessage()).distinct().toList();
      assertThat(failed).as("PDF/A-2b rules the document breaks").isEmpty();
      assertThat(result.isCompliant()).isTrue();
    }
  }
}
