package dev.mechanics.workorder;

import dev.mechanics.customer.Customer;
import dev.mechanics.customer.Customers;
import dev.mechanics.customer.Vehicle;
import dev.mechanics.customer.Vehicles;
import dev.mechanics.platform.Id;
import dev.mechanics.platform.mail.MailSender;
import dev.mechanics.tenancy.Letterhead;
import dev.mechanics.tenancy.Letterheads;
import dev.mechanics.tenancy.Shops;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The mail that hands a customer their estimate's approval link: the shop, the customer's name and language,
 * the vehicle, the total, a button to the app's approval page, and when the link expires, in words in the
 * shop's time zone ({@code mail/approval.*}).
 */
@ApplicationScoped
public class ApprovalMail {

  @Inject
  Composer composer;

  @Inject
  MailSender mail;

  /** True when the mail was handed to the SMTP server (false: only logged, or sending failed). */
  public boolean send(Id<WorkOrder> workOrder, String to, String url, Instant expiresAt) {
    return mail.send(composer.compose(workOrder, to, url, expiresAt));
  }

  /** Reads what the mail says in one transaction; the sending happens after it. */
  @ApplicationScoped
  @Transactional
  public static class Composer {

    @Inject
    WorkOrderService workOrders;

    @Inject
    Shops shops;

    @Inject
    Customers customers;

    @Inject
    Vehicles vehicles;

    @Inject
    Letterheads letterheads;

    public MailSender.Message compose(Id<WorkOrder> id, String to, String url, Instant expiresAt) {
      WorkOrder workOrder = workOrders.get(id);
      Customer customer = customers.find(workOrder.getCustomerId()).orElse(null);
      Letterhead h = letterheads.of(shops.require(workOrder.getShopId()), null,
          customer == null ? null : customer.getPreferredLanguage());
      Vehicle vehicle = vehicles.find(workOrder.getVehicleId()).orElse(null);
      String vehicleName = vehicle == null ? null : WorkOrderDocuments.vehicle(vehicle, null, null, h.formats())
          .description();
      Map<String, Object> model = new HashMap<>();
      model.put("number", workOrder.getNumber());
      model.put("total", h.formats().money(workOrders.totalsOf(workOrder).total()));
      model.put("url", url);
      model.put("expires", h.formats().inWords(expiresAt, h.messages()));
      if (vehicleName != null) {
        model.put("vehicle", vehicleName);
      }
      return h.mail("approval", List.of(to), customer == null ? null : customer.getFirstName(),
          h.messages().get("mail.approval.subject", h.block().name(), workOrder.getNumber()), model, List.of());
    }
  }
}
