package dev.mechanics.platform.web;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * An RFC 9457 problem document; {@code errors} lists invalid fields of a request; {@code shop}, an extension
 * member, names who to call when a customer's link cannot be used (absent otherwise).
 */
@JsonbPropertyOrder({"type", "title", "status", "detail", "instance", "requestId", "errors", "shop"})
public record Problem(String type, String title, int status, String detail, String instance, String requestId,
                      List<FieldError> errors, ShopContact shop) {

  public static final String MEDIA_TYPE = "application/problem+json";
  public static final MediaType MEDIA = MediaType.valueOf(MEDIA_TYPE);
  private static final String TYPE_BASE = "https://mechanics.dev/problems/";

  public record FieldError(String field, String message) {
  }

  /** The shop to call: its name and phone number (null when it has none on file). */
  public record ShopContact(String name, String phone) {
  }

  public static Problem of(int status, String slug, String title, String detail, List<FieldError> errors) {
    return new Problem(TYPE_BASE + slug, title, status, detail, null, null, errors == null || errors.isEmpty()
        ? null : List.copyOf(errors), null);
  }

  public Problem withShop(ShopContact contact) {
    return new Problem(type, title, status, detail, instance, requestId, errors, contact);
  }

  public Problem at(String instance, String requestId) {
    return new Problem(type, title, status, detail, instance, requestId, errors, shop);
  }

  public Response toResponse() {
    return Response.status(status).type(MEDIA).entity(this).build();
  }
}
