package dev.mechanics.billing;

import dev.mechanics.platform.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;

/** Repository of credit notes, always read through their invoice. */
@ApplicationScoped
public class CreditNotes {

  @PersistenceContext(unitName = "mechanics")
  EntityManager em;

  /** The invoice's credit notes in the order they were issued. */
  public List<CreditNote> of(UUID invoiceId) {
    return em.createQuery("select c from CreditNote c where c.invoiceId = :invoice order by c.number.sequence",
        CreditNote.class).setParameter("invoice", invoiceId).getResultList();
  }

  /** A credit note of this invoice, or 404. */
  public CreditNote require(UUID invoiceId, UUID creditNoteId) {
    return em.createQuery("select c from CreditNote c where c.id = :id and c.invoiceId = :invoice",
            CreditNote.class).setParameter("id", creditNoteId).setParameter("invoice", invoiceId)
        .getResultStream().findFirst().orElseThrow(() -> new DomainException.NotFound("credit note", creditNoteId));
  }

  public void add(CreditNote note) {
    em.persist(note);
    em.flush();
  }
}
