package dev.mechanics.parts;

import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The catalogue, the pricing matrix and the shops' inventory settings (all scoped to the organization). */
@ApplicationScoped
public class Parts {

  @PersistenceContext(unitName = "mechanics")
  EntityManager em;

  public Optional<Part> find(UUID id) {
    return em.createQuery("select p from Part p where p.id = :id", Part.class).setParameter("id", id)
        .getResultStream().findFirst();
  }

  /** The part, or 404: another organization's part is as unknown as one never created. */
  public Part require(UUID id) {
    return find(id).orElseThrow(() -> new DomainException.NotFound("part", id));
  }

  /** A part named in a request body: 422 naming the field when it names none of the organization's. */
  public Part requireField(UUID id, String field) {
    return find(id).orElseThrow(() -> DomainException.InvalidInput.field(field, "no such part"));
  }

  public boolean numberTaken(String partNumber, UUID exceptId) {
    return !em.createQuery("select p.id from Part p where lower(p.partNumber) = lower(:n) and p.id <> :except",
            UUID.class).setParameter("n", partNumber).setParameter("except", exceptId == null ? new UUID(0, 0)
            : exceptId).setMaxResults(1).getResultList().isEmpty();
  }

  /** Parts whose number starts with, or whose description or brand contains, {@code text} (blank: all). */
  public List<Part> search(String text, PageRequest page) {
    String q = text == null ? "" : text.trim().toLowerCase().replace("\\", "\\\\").replace("%", "\\%")
        .replace("_", "\\_");
    return em.createQuery("select p from Part p where (:q = '' or lower(p.partNumber) like concat(:q, '%')"
            + " or lower(p.description) like concat('%', :q, '%') or lower(p.brand) like concat('%', :q, '%'))"
            + " and (:after is null or p.id > :after) order by p.id", Part.class)
        .setParameter("q", q).setParameter("after", page.after()).setMaxResults(page.limit() + 1)
        .getResultList();
  }

  public void add(Object entity) {
    em.persist(entity);
  }

  public Optional<PricingMatrixRow> matrixRow() {
    return em.createQuery("select m from PricingMatrixRow m", PricingMatrixRow.class).getResultStream()
        .findFirst();
  }

  public PriceMatrix matrix() {
    return matrixRow().map(PricingMatrixRow::matrix).orElse(PriceMatrix.AT_COST);
  }

  public Optional<InventorySettings> settings(UUID shopId) {
    return em.createQuery("select s from InventorySettings s where s.shopId = :shop", InventorySettings.class)
        .setParameter("shop", shopId).getResultStream().findFirst();
  }

  public boolean allowsBackorders(UUID shopId) {
    return settings(shopId).map(InventorySettings::allowsBackorders).orElse(false);
  }

  public void flush() {
    em.flush();
  }
}
