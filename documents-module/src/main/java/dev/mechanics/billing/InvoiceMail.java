package dev.mechanics.billing;

import dev.mechanics.customer.Customer;
import dev.mechanics.customer.Customers;
import dev.mechanics.platform.documents.RenderedDocument;
import dev.mechanics.platform.mail.MailSender;
import dev.mechanics.tenancy.Letterhead;
import dev.mechanics.tenancy.Letterheads;
import dev.mechanics.tenancy.Shop;
import dev.mechanics.tenancy.Shops;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The issued invoice, mailed to the customer with its PDF attached ({@code mail/invoice.*}), unless the customer
 * has no e-mail address or the shop turned invoice mails off.
 */
@ApplicationScoped
public class InvoiceMail {

  @Inject
  Composer composer;

  @Inject
  MailSender mail;

  /** After the invoice committed: true when the mail was handed to the SMTP server. */
  public boolean send(UUID invoiceId) {
    return composer.compose(invoiceId).map(mail::send).orElse(false);
  }

  /** Reads and renders in one transaction; the sending happens after it. */
  @ApplicationScoped
  @Transactional
  public static class Composer {

    @Inject
    Invoices invoices;

    @Inject
    Shops shops;

    @Inject
    Customers customers;

    @Inject
    Letterheads letterheads;

    @Inject
    BillingDocuments documents;

    /** Empty when there is no one to mail it to, or the shop does not mail invoices. */
    public Optional<MailSender.Message> compose(UUID invoiceId) {
      Invoice invoice = invoices.require(invoiceId);
      Shop shop = shops.require(invoice.getShopId());
      Customer customer = customers.find(invoice.getCustomerId()).orElse(null);
      if (customer == null || customer.getEmail() == null || !shop.getDocumentSettings().emailInvoices()) {
        return Optional.empty();
      }
      Letterhead h = letterheads.of(shop, null, customer.getPreferredLanguage());
      RenderedDocument pdf = documents.invoiceForCustomer(invoiceId);
      Map<String, Object> model = new HashMap<>();
      model.put("number", invoice.getNumber());
      model.put("workOrder", invoice.getDocument().workOrderNumber());
      model.put("total", h.formats().money(invoice.getTotal()));
      model.put("paid", invoice.getBalanceDue().isZero());
      model.put("balance", h.formats().money(invoice.getBalanceDue()));
      if (Letterheads.blank(h.settings().paymentTerms()) != null) {
        model.put("paymentTerms", h.settings().paymentTerms().trim());
      }
      return Optional.of(h.mail("invoice", List.of(customer.getEmail()), customer.getFirstName(),
          h.messages().get("mail.invoice.subject", h.block().name(), invoice.getNumber()), model,
          List.of(new MailSender.Attachment(pdf.fileName(), "application/pdf", pdf.content()))));
    }
  }
}
