package dev.mechanics.tenancy;

import jakarta.enterprise.context.ApplicationScoped;
import dev.mechanics.platform.Id;
import dev.mechanics.platform.Languages;
import dev.mechanics.platform.web.CurrentCaller;
import dev.mechanics.platform.web.RequestIds;
import dev.mechanics.platform.web.Requires;
import dev.mechanics.platform.web.Versions;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * How a shop appears on its documents and mails: legal name, contacts, registration and tax numbers, accent
 * colour, footer, warranty, payment terms, language, whether invoices are mailed. Name, address and phone are
 * the shop's own ({@code PUT /shops/{id}}); the logo is {@code /shops/{id}/logo}. The shop's version is the ETag.
 */
@ApplicationScoped
@Path("/shops/{shopId}/document-settings")
@Tag(name = "Shops")
@Produces(MediaType.APPLICATION_JSON)
public class ShopDocumentSettingsResource {

  @Inject
  ShopService shops;

  @Inject
  CurrentCaller caller;

  public record RegistrationNumberBody(@NotBlank @Size(max = 60) String label, @NotBlank @Size(max = 80) String value) {
  }

  public record DocumentSettingsRequest(
      @Size(max = 200) String legalName,
      @Email @Size(max = 320) String email,
      @Size(max = 300) String website,
      @Size(max = 10) List<@Valid @NotNull RegistrationNumberBody> registrationNumbers,
      @Pattern(regexp = "#[0-9A-Fa-f]{6}", message = "must be a colour such as #1f5f8b") String accentColor,
      @Size(max = 2000) String invoiceFooter,
      @Size(max = 4000) String warrantyText,
      @Size(max = 500) String paymentTerms,
      @LanguageTag String language,
      Boolean emailInvoices) {

    DocumentSettings settings() {
      return new DocumentSettings(blank(legalName), blank(email), blank(website),
          registrationNumbers == null ? List.of() : registrationNumbers.stream()
              .map(n -> new DocumentSettings.RegistrationNumber(n.label().trim(), n.value().trim())).toList(),
          blank(accentColor), blank(invoiceFooter), blank(warrantyText), blank(paymentTerms),
          language == null || language.isBlank() ? Languages.DEFAULT : Languages.check("language", language),
          emailInvoices == null || emailInvoices);
    }
  }

  /** {@code logo}: its content type when the shop has one, else null. */
  public record DocumentSettingsView(UUID shopId, String legalName, String email, String website,
                                     List<RegistrationNumberBody> registrationNumbers, String accentColor,
                                     String invoiceFooter, String warrantyText, String paymentTerms,
                                     String language, boolean emailInvoices, String logo, long version) {
    static DocumentSettingsView of(Shop shop) {
      DocumentSettings d = shop.getDocumentSettings();
      return new DocumentSettingsView(shop.getId(), d.legalName(), d.email(), d.website(),
          d.registrationNumbers().stream().map(n -> new RegistrationNumberBody(n.label(), n.value())).toList(),
          d.accentColor(), d.invoiceFooter(), d.warrantyText(), d.paymentTerms(), d.language(), d.emailInvoices(),
          shop.getLogoContentType(), shop.getVersion());
    }
  }

  @GET
  @Operation(operationId = "getDocumentSettings", summary = "Read a shop's document settings",
      description = "What the shop's documents and mails carry: legal name, contact, registration numbers, accent "
          + "colour, invoice footer, warranty text, payment terms, language, whether invoices are mailed, and the "
          + "logo's type; the shop's version as the `ETag`.")
  @APIResponse(responseCode = "200", description = "The settings.", headers = @Header(name = "ETag", ref = "ETag"),
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(implementation = DocumentSettingsView.class)))
  public Response get(@PathParam("shopId") String id) {
    Shop shop = shops.get(RequestIds.path("shop", id, Id::new));
    return Response.ok(DocumentSettingsView.of(shop)).tag(Versions.etag(shop.getVersion())).build();
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Capability.CONFIGURE_SHOP)
  @Operation(operationId = "changeDocumentSettings", summary = "Change a shop's document settings",
      description = "Replaces them all (`If-Match`: the shop's `ETag`). Owners, and managers of this shop (a "
          + "manager of another shop: 403).",
      extensions = @Extension(name = "x-requires", value = "CONFIGURE_SHOP"))
  @APIResponse(responseCode = "200", description = "The settings as stored.",
      headers = @Header(name = "ETag", ref = "ETag"),
      content = @Content(mediaType = MediaType.APPLICATION_JSON,
          schema = @Schema(implementation = DocumentSettingsView.class)))
  public Response change(@PathParam("shopId") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                         @Valid @NotNull @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                             examples = @ExampleObject(name = "California shop", value = """
                                 {"legalName": "Downtown Auto Care LLC", "email": "service@downtown.example.com",
                                  "website": "https://downtown.example.com",
                                  "registrationNumbers": [{"label": "Automotive Repair Dealer", "value": "ARD 123456"}],
                                  "accentColor": "#1f5f8b", "invoiceFooter": "Thank you for your business.",
                                  "warrantyText": "Parts and labor: 12 months or 12,000 miles.",
                                  "paymentTerms": "Due on receipt.", "language": "en", "emailInvoices": true}""")))
                         DocumentSettingsRequest request) {
    Id<Shop> shopId = RequestIds.path("shop", id, Id::new);
    Shop shop = shops.configureDocuments(caller.get(), shopId, Versions.required(ifMatch), request.settings());
    return Response.ok(DocumentSettingsView.of(shop)).tag(Versions.etag(shop.getVersion())).build();
  }

  private static String blank(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }
}
