package dev.mechanics.tenancy;

import dev.mechanics.platform.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import dev.mechanics.platform.Languages;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** One location of a chain: its own bays, staff, labor rate and time zone. */
@Entity
@Table(name = "shops")
public class Shop extends TenantOwnedEntity {

  @Column(nullable = false, length = 200)
  private String name;

  @Column(name = "time_zone", nullable = false, length = 64)
  private String timeZone;

  @Column(length = 40)
  private String phone;

  @Column(length = 500)
  private String address;

  @Column(name = "labor_rate", nullable = false, precision = 14, scale = 2)
  private BigDecimal laborRate;

  @Column(name = "legal_name", length = 200)
  private String legalName;

  @Column(length = 320)
  private String email;

  @Column(length = 300)
  private String website;

  /** "label TAB value" per line (see {@link DocumentSettings.RegistrationNumber}). */
  @Column(name = "registration_numbers", length = 2000)
  private String registrationNumbers;

  @Column(name = "accent_color", length = 7)
  private String accentColor;

  @Column(name = "invoice_footer", length = 2000)
  private String invoiceFooter;

  @Column(name = "warranty_text", length = 4000)
  private String warrantyText;

  @Column(name = "payment_terms", length = 500)
  private String paymentTerms;

  @Column(name = "document_language", nullable = false, length = 16)
  private String documentLanguage = Languages.DEFAULT;

  @Column(name = "email_invoices", nullable = false)
  private boolean emailInvoices = true;

  @Column(name = "logo_key", length = 300)
  private String logoKey;

  @Column(name = "logo_content_type", length = 40)
  private String logoContentType;

  protected Shop() {
  }

  public Shop(UUID organizationId, ShopDetails details) {
    super(organizationId);
    apply(details);
  }

  public void apply(ShopDetails details) {
    this.name = details.name();
    this.timeZone = details.timeZone();
    this.phone = details.phone();
    this.address = details.address();
    this.laborRate = details.laborRate() == null ? BigDecimal.ZERO.setScale(2) : details.laborRate();
  }

  /** The document settings; the caller has checked them (language, colour, sizes). */
  public void configureDocuments(DocumentSettings settings) {
    this.legalName = settings.legalName();
    this.email = settings.email();
    this.website = settings.website();
    StringBuilder numbers = new StringBuilder();
    for (DocumentSettings.RegistrationNumber n : settings.registrationNumbers()) {
      numbers.append(oneLine(n.label())).append('\t').append(oneLine(n.value())).append('\n');
    }
    this.registrationNumbers = numbers.length() == 0 ? null : numbers.toString();
    this.accentColor = settings.accentColor();
    this.invoiceFooter = settings.invoiceFooter();
    this.warrantyText = settings.warrantyText();
    this.paymentTerms = settings.paymentTerms();
    this.documentLanguage = settings.language() == null ? Languages.DEFAULT : settings.language();
    this.emailInvoices = settings.emailInvoices();
  }

  public DocumentSettings getDocumentSettings() {
    List<DocumentSettings.RegistrationNumber> numbers = new ArrayList<>();
    if (registrationNumbers != null) {
      for (String line : registrationNumbers.split("\n")) {
        String[] parts = line.split("\t", 2);
        if (parts.length == 2) {
          numbers.add(new DocumentSettings.RegistrationNumber(parts[0], parts[1]));
        }
      }
    }
    return new DocumentSettings(legalName, email, website, numbers, accentColor, invoiceFooter, warrantyText,
        paymentTerms, documentLanguage, emailInvoices);
  }

  /** The uploaded logo's object key, or null to remove it. */
  public void useLogo(String key, String contentType) {
    this.logoKey = key;
    this.logoContentType = key == null ? null : contentType;
  }

  public String getLogoKey() {
    return logoKey;
  }

  public String getLogoContentType() {
    return logoContentType;
  }

  public String getDocumentLanguage() {
    return documentLanguage;
  }

  private static String oneLine(String text) {
    return text.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ').trim();
  }

  public String getName() {
    return name;
  }

  public String getTimeZone() {
    return timeZone;
  }

  public String getPhone() {
    return phone;
  }

  public String getAddress() {
    return address;
  }

  public BigDecimal getLaborRate() {
    return laborRate;
  }
}
