package dev.mechanics.workorder;

import jakarta.enterprise.context.ApplicationScoped;
import dev.mechanics.platform.Id;
import dev.mechanics.platform.web.CurrentCaller;
import dev.mechanics.platform.web.DocumentResponses;
import dev.mechanics.platform.web.RequestIds;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The repair order: the technician's copy of the work, without prices. */
@ApplicationScoped
@Path("/work-orders/{id}/repair-order/pdf")
@Tag(name = "Work orders")
public class RepairOrderPdfResource {

  @Inject
  WorkOrderDocuments documents;

  @Inject
  CurrentCaller caller;

  @GET
  @Produces("application/pdf")
  @Operation(operationId = "getRepairOrderPdf", summary = "The repair order as a PDF (no prices)",
      description = "Shop, customer (contact data only for those who may see it), vehicle with mileage in and "
          + "out, complaint/cause/correction, the lines to work with part numbers, conditions and technicians, "
          + "and the inspection; no prices. PDF/A-2b. Any signed-in user who may see the work order (a technician: "
          + "work assigned to them, else 404).")
  @APIResponse(responseCode = "200", description = "The PDF.",
      headers = @Header(name = "Content-Disposition", ref = "ContentDisposition"),
      content = @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")))
  public Response pdf(@PathParam("id") String id,
                      @Parameter(description = "Language (en, es, es-MX ...); default: the shop's")
                      @QueryParam("lang") String lang) {
    return DocumentResponses.pdf(documents.repairOrder(caller.get(), RequestIds.path("work order", id, Id::new),
        DocumentResponses.language(lang)));
  }
}
