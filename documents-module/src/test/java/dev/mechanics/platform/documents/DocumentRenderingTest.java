package dev.mechanics.platform.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Every document template, rendered as the server renders it, read back: the fields it must show, page numbers
 * and the document number on every page, PDF/A-2b, no empty labels, and hostile text printed as text. The
 * server-side assembly of real data is DocumentIT's.
 */
class DocumentRenderingTest {

  private static final List<String> KINDS = List.of("estimate", "repair-order", "invoice", "credit-note", "receipt");

  private static byte[] render(DocumentView view, Messages m) {
    return PdfRenderer.render(Templates.render("pdf/" + view.kind() + ".ftlh", Map.of("doc", view), m), Map.of(),
        view.accentColor());
  }

  @ParameterizedTest
  @ValueSource(strings = {"en-US", "es-US"})
  void everyKindShowsTheShopCustomerVehicleAndWorkInItsLanguageAndIsPdfA(String tag) throws Exception {
    Locale locale = Locale.forLanguageTag(tag);
    Messages m = Messages.of(locale);
    Formats f = Formats.of(locale, "America/Chicago", "USD");
    for (String kind : KINDS) {
      DocumentView view = DocumentFixtures.full(kind, m, f, 4, "Carla Driver");
      byte[] pdf = render(view, m);
      PdfAssertions.assertPdfA2b(pdf);
      String text = String.join("\n", PdfAssertions.pages(pdf));
      assertThat(text).as(kind).contains(view.title(), "INV-2026-000045", "Demo Auto Care Downtown",
          "Demo Auto Care LLC", "1200 Main Street", "+1 217 555 0100", "ARD 123456", "Carla Driver",
          "2022 Ford F-150", "1FTFW1E50NFA00001", "IL ABC123", "45,120", "45,131");
      if (!kind.equals("receipt") && !kind.equals("credit-note")) {
        assertThat(text).as(kind).contains("Grinding noise when braking", "Front pads worn",
            "Replaced front pads", m.get("work.cause"), "BP-1001", m.get("condition.REBUILT"), "Tess Técnica");
      }
      if (kind.equals("repair-order")) {
        assertThat(text).doesNotContain("$110.00", "$165.00", "$363.83");
      } else if (!kind.equals("receipt")) {
        assertThat(text).as(kind).contains("$110.00", "$165.00", "$363.83");
      }
      assertThat(text).as(kind).contains(m.get("page.footer", "Demo Auto Care Downtown · " + view.title()
          + " INV-2026-000045", 1, 1));
    }
  }

  @Test
  void fortyLinesRunOverPagesWithTheDocumentNumberAndPageOfPagesOnEach() throws Exception {
    Messages m = Messages.of(Locale.US);
    Formats f = Formats.of(Locale.US, "America/Chicago", "USD");
    DocumentView view = DocumentFixtures.full("invoice", m, f, 40, "Carla Driver");
    List<String> pages = PdfAssertions.pages(render(view, m));
    assertThat(pages.size()).isGreaterThanOrEqualTo(3);
    for (int i = 0; i < pages.size(); i++) {
      assertThat(pages.get(i)).contains("Invoice INV-2026-000045 · Page " + (i + 1) + " of " + pages.size());
    }
    assertThat(String.join("", pages)).contains("Line 40 Frenos");
  }

  @Test
  void aShopWithoutOptionalFieldsGetsNoEmptyLabels() throws Exception {
    Messages m = Messages.of(Locale.US);
    Formats f = Formats.of(Locale.US, "UTC", "EUR");
    DocumentView.ShopBlock bare = new DocumentView.ShopBlock("Bare Garage", null, List.of(), null, null, null,
        List.of(), null);
    for (String kind : KINDS) {
      DocumentView full = DocumentFixtures.full(kind, m, f, 2, "Nora Nobody");
      DocumentView view = new DocumentView(kind, "en", full.title(), "WO-000001", full.pageFooter(), "#1f5f8b",
          bare, List.of(), new DocumentView.Party("Nora Nobody", List.of(), null, null),
          new DocumentView.VehicleBlock(null, "1FTFW1E50NFA00001", null, null, null), null, full.lines(),
          full.prices(), full.totals(), List.of(), List.of(), List.of(), null, null, null);
      byte[] pdf = render(view, m);
      PdfAssertions.assertPdfA2b(pdf);
      String text = String.join("\n", PdfAssertions.pages(pdf));
      assertThat(text).as(kind).contains("Bare Garage", "Nora Nobody", "1FTFW1E50NFA00001")
          .doesNotContain(m.get("shop.phone"), m.get("vehicle.plate"), m.get("vehicle.mileageIn"),
              m.get("vehicle.mileageOut"), m.get("work.complaint"), m.get("work.cause"), m.get("texts.warranty"),
              m.get("texts.paymentTerms"), m.get("payments.title"), m.get("inspection.title"), "null");
    }
  }

  @Test
  void htmlAndFormulaCharactersInNamesPrintAsText() throws Exception {
    Messages m = Messages.of(Locale.US);
    Formats f = Formats.of(Locale.US, "UTC", "USD");
    byte[] pdf = render(DocumentFixtures.full("invoice", m, f, 2, DocumentFixtures.NAUGHTY), m);
    assertThat(String.join("", PdfAssertions.pages(pdf))).contains(DocumentFixtures.NAUGHTY);
  }

  @Test
  void amountsCarryTheCurrencySymbolOfTheReadersLocale() {
    assertThat(Formats.of(Locale.US, "UTC", "USD").money(new BigDecimal("1234.5"))).isEqualTo("$1,234.50");
    assertThat(Formats.of(Locale.forLanguageTag("es-ES"), "UTC", "EUR").money(new BigDecimal("1234.5")))
        .startsWith("1.234,50").endsWith("€");
    assertThat(Formats.of(Locale.forLanguageTag("es-US"), "UTC", "USD").money(new BigDecimal("1234.5")))
        .isEqualTo("$1,234.50");
  }
}
