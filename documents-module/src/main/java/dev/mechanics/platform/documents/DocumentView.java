package dev.mechanics.platform.documents;

import java.util.List;

/**
 * What a document template prints, every value already formatted for its reader (language, currency, time
 * zone): the template decides layout and labels, never a number format or a rule. Optional parts are null or
 * empty and the templates leave out their labels with them, so a shop that set nothing optional gets a clean
 * page.
 *
 * @param kind       the template: estimate, repair-order, invoice, credit-note, receipt
 * @param title      "Invoice", "Factura"
 * @param pageFooter the page footer as a CSS string ({@link DocumentStyle#cssString}) before "Page n of m"
 */
public record DocumentView(String kind, String language, String title, String number, String pageFooter,
                           String accentColor, ShopBlock shop, List<Field> references, Party customer,
                           VehicleBlock vehicle, Work work, List<Line> lines, boolean prices,
                           List<Field> totals, List<Payment> payments, List<Inspection> inspection,
                           List<String> notes, String warranty, String paymentTerms, String footer) {

  /** A label and its value ("Work order", "WO-000123"); {@code strong} for totals that matter. */
  public record Field(String label, String value, boolean strong) {
    public static Field of(String label, String value) {
      return new Field(label, value, false);
    }
  }

  /** The shop as it presents itself: name, legal name, address lines, contacts, numbers, logo. */
  public record ShopBlock(String name, String legalName, List<String> address, String phone, String email,
                          String website, List<Field> registrations, String logo) {
  }

  /** The customer, with as much contact data as the reader may see. */
  public record Party(String name, List<String> address, String phone, String email) {
  }

  public record VehicleBlock(String description, String vin, String plate, String mileageIn, String mileageOut) {
  }

  /** The three Cs of the repair: what the customer reported, what was found, what was done. */
  public record Work(String complaint, String cause, String correction) {
  }

  /**
   * One line. {@code detail}: part number, condition and technician as one small line under the description;
   * {@code decision}: on an estimate, who approved or declined it, when and how.
   */
  public record Line(String type, String description, String detail, String quantity, String unitPrice,
                     String amount, String decision, boolean declined) {
  }

  public record Payment(String date, String method, String reference, String amount) {
  }

  public record Inspection(String item, String condition, String notes) {
  }
}
