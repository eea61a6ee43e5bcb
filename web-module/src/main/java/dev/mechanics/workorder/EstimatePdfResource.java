package dev.mechanics.workorder;

import jakarta.enterprise.context.ApplicationScoped;
import dev.mechanics.platform.Id;
import dev.mechanics.platform.web.DocumentResponses;
import dev.mechanics.platform.web.RequestIds;
import dev.mechanics.platform.web.Requires;
import dev.mechanics.tenancy.Capability;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The estimate as the customer is handed it: every line with its price and the customer's answer. */
@ApplicationScoped
@Path("/work-orders/{id}/estimate/pdf")
@Tag(name = "Work orders")
public class EstimatePdfResource {

  @Inject
  WorkOrderDocuments documents;

  @GET
  @Produces("application/pdf")
  @Requires(Capability.EDIT_WORK)
  @Operation(operationId = "getEstimatePdf", summary = "The estimate as a PDF",
      description = "Shop identity, customer, vehicle, complaint/cause/correction, each line with part number, "
          + "condition, technician and price, and who approved or declined it, when and how; taxes per rate. "
          + "PDF/A-2b. A technician gets the repair order instead (403 here).",
      extensions = @Extension(name = "x-requires", value = "EDIT_WORK"))
  @APIResponse(responseCode = "200", description = "The PDF.",
      headers = @Header(name = "Content-Disposition", ref = "ContentDisposition"),
      content = @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")))
  public Response pdf(@PathParam("id") String id,
                      @Parameter(description = "Language (en, es, es-MX ...); default: the customer's, else the "
                          + "shop's") @QueryParam("lang") String lang) {
    return DocumentResponses.pdf(documents.estimate(RequestIds.path("work order", id, Id::new),
        DocumentResponses.language(lang)));
  }
}
