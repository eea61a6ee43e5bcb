package dev.mechanics.customer;

import dev.mechanics.platform.crypto.PersonalDataCipher;
import dev.mechanics.tenancy.SystemTransactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.logging.Logger;

/**
 * Brings every customer's contact data under the current {@code ENCRYPTION_KEY}: plaintext rows from before
 * encryption and rows under a retired key are re-encrypted and re-indexed, in batches, at start-up. This is the
 * second half of a key rotation (docs/adr/0012-personal-data-encryption.md).
 */
@ApplicationScoped
public class PersonalDataRekeying {

  private static final Logger LOG = Logger.getLogger(PersonalDataRekeying.class.getName());
  private static final int BATCH = 500;

  @PersistenceContext(unitName = "mechanics")
  EntityManager em;

  @Inject
  SystemTransactions system;

  public int run() {
    int total = 0;
    for (int done = BATCH; done == BATCH; total += done) {
      done = system.call(this::batch);
    }
    if (total > 0) {
      LOG.info("Re-encrypted the contact data of " + total + " customers under the current key");
    }
    return total;
  }

  private int batch() {
    String current = PersonalDataCipher.currentPrefix() + "%";
    @SuppressWarnings("unchecked")
    List<Object[]> rows = em.createNativeQuery("""
            select id, email, phone, address from customers
            where (email is not null and email not like ?1) or (phone is not null and phone not like ?1)
               or (address is not null and address not like ?1)
               or (email is not null and email_index is null) or (phone is not null and phone_index is null)
            limit ?2""")
        .setParameter(1, current).setParameter(2, BATCH).getResultList();
    for (Object[] row : rows) {
      String email = PersonalDataCipher.decrypt((String) row[1]);
      String phone = PersonalDataCipher.decrypt((String) row[2]);
      String address = PersonalDataCipher.decrypt((String) row[3]);
      em.createNativeQuery("update customers set email = ?1, phone = ?2, address = ?3, email_index = ?4, "
              + "phone_index = ?5 where id = ?6")
          .setParameter(1, PersonalDataCipher.encrypt(email))
          .setParameter(2, PersonalDataCipher.encrypt(phone))
          .setParameter(3, PersonalDataCipher.encrypt(address))
          .setParameter(4, Customer.emailIndexOf(email))
          .setParameter(5, Customer.phoneIndexOf(phone))
          .setParameter(6, row[0])
          .executeUpdate();
    }
    return rows.size();
  }
}
