package dev.mechanics.audit;

import jakarta.enterprise.context.ApplicationScoped;
import dev.mechanics.platform.web.CurrentCaller;
import dev.mechanics.platform.web.Listing;
import dev.mechanics.platform.web.RequestIds;
import dev.mechanics.platform.web.Requires;
import dev.mechanics.tenancy.Capability;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The organization's audit trail (owners only) and a check of its hash chain. */
@ApplicationScoped
@Path("/audit")
@Produces(MediaType.APPLICATION_JSON)
@Requires(Capability.READ_AUDIT)
@Tag(name = "Audit")
public class AuditResource {

  @Inject
  AuditTrail audit;

  @Inject
  CurrentCaller caller;

  public record AuditView(UUID id, Long seq, UUID shopId, UUID actorId, String action, String entityType,
                          UUID entityId, String before, String after, String requestId, String occurredAt,
                          String hash) {
    static AuditView of(AuditEvent e) {
      return new AuditView(e.getId(), e.getSeq(), e.getShopId(), e.getActorId(), e.getAction(), e.getEntityType(),
          e.getEntityId(), e.getBefore(), e.getAfter(), e.getRequestId(), e.getOccurredAt().toString(), e.getHash());
    }
  }

  @GET
  @Operation(operationId = "listAuditEvents", summary = "Read the audit trail",
      description = "The organization's audit events in order, a page at a time; `entityId` narrows to one "
          + "object. `before` and `after` are the object's audited state as JSON text.",
      extensions = @Extension(name = "x-requires", value = "READ_AUDIT"))
  public Listing<AuditView> list(@QueryParam("entityId") String entityId, @QueryParam("limit") String limit,
                                 @QueryParam("after") String after) {
    return Listing.of(audit.list(caller.get(), RequestIds.field("entityId", entityId), Listing.request(limit, after)),
        AuditView::of);
  }

  @GET
  @Path("/verify")
  @Operation(operationId = "verifyAuditTrail", summary = "Verify the audit trail",
      description = "Recomputes the organization's hash chain: `valid` is false, with the first broken event, "
          + "when a row was changed or removed behind the application's back.",
      extensions = @Extension(name = "x-requires", value = "READ_AUDIT"))
  public AuditTrail.Verification verify() {
    return audit.verify(caller.get());
  }
}
