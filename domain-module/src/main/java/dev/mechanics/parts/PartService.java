package dev.mechanics.parts;

import dev.mechanics.audit.AuditTrail;
import dev.mechanics.platform.DomainException;
import dev.mechanics.platform.Page;
import dev.mechanics.platform.PageRequest;
import dev.mechanics.platform.Tenancy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The organization's parts catalogue and its pricing matrix. */
@ApplicationScoped
@Transactional
public class PartService {

  @Inject
  Parts parts;

  @Inject
  Stocks stocks;

  @Inject
  AuditTrail audit;

  /** A part with its price from the matrix and its stock in every shop that holds it. */
  public record PartWithStock(Part part, dev.mechanics.platform.Money price, List<Stock> stock) {
  }

  public Part create(PartDetails details) {
    requireFreeNumber(details.partNumber(), null);
    Part part = new Part(Tenancy.current(), details);
    parts.add(part);
    parts.flush();
    return part;
  }

  public Part change(UUID id, long expectedVersion, PartDetails details) {
    Part part = parts.require(id);
    part.requireVersion(expectedVersion, "part");
    requireFreeNumber(details.partNumber(), id);
    part.apply(details);
    parts.flush();
    return part;
  }

  public PartWithStock get(UUID id) {
    Part part = parts.require(id);
    return new PartWithStock(part, part.priceWith(parts.matrix()), stocks.ofPart(id));
  }

  /** One page of the search, each part with its price and its stock in every shop. */
  public Page<PartWithStock> search(String text, PageRequest page) {
    Page<Part> found = Page.of(parts.search(text, page), page.limit(), Part::getId);
    PriceMatrix matrix = parts.matrix();
    List<Stock> stock = stocks.ofParts(found.items().stream().map(Part::getId).toList());
    return new Page<>(found.items().stream().map(p -> new PartWithStock(p, p.priceWith(matrix),
        stock.stream().filter(s -> s.getPartId().equals(p.getId())).toList())).toList(), found.nextAfter());
  }

  /** The matrix and its version (0 while the organization has none: parts without a price sell at cost). */
  public record Matrix(PriceMatrix matrix, long version) {
  }

  public Matrix matrix() {
    return parts.matrixRow().map(r -> new Matrix(r.matrix(), r.getVersion()))
        .orElse(new Matrix(PriceMatrix.AT_COST, 0));
  }

  /** Replaces the matrix (audited: it sets the prices customers pay). */
  public Matrix replaceMatrix(long expectedVersion, PriceMatrix matrix) {
    PricingMatrixRow row = parts.matrixRow().orElse(null);
    String before = null;
    if (row == null) {
      if (expectedVersion != 0 && expectedVersion != PricingMatrixRow.ANY_VERSION) {
        throw new DomainException.StaleVersion("pricing matrix", expectedVersion, 0);
      }
      row = new PricingMatrixRow(Tenancy.current(), matrix);
      parts.add(row);
    } else {
      row.requireVersion(expectedVersion, "pricing matrix");
      before = row.matrix().text();
      row.replace(matrix);
    }
    parts.flush();
    audit.record("parts.pricing-matrix-changed", "pricing-matrix", row.getId(), null,
        before == null ? null : Map.of("tiers", before), Map.of("tiers", matrix.text()));
    return new Matrix(row.matrix(), row.getVersion());
  }

  private void requireFreeNumber(String partNumber, UUID exceptId) {
    if (parts.numberTaken(partNumber, exceptId)) {
      throw new DomainException.Conflict("Part number " + partNumber + " is already in the catalogue");
    }
  }
}
