package dev.mechanics.platform.web;

import dev.mechanics.platform.IdempotentRequests;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.function.Supplier;

/**
 * An optional {@code Idempotency-Key} on a route whose change leaves no record of its own to carry the key (the
 * technician's queued inspection changes, photos and status moves): the first answer (status, ETag, Location,
 * JSON body) is kept in the change's own transaction, a retry with the key and the same request gets it back
 * with {@code Idempotent-Replayed: true} and changes nothing, the key with another request is a 422
 * ({@link IdempotentRequests}, the rule the money routes follow as well). Without the header the route runs as
 * before.
 */
@ApplicationScoped
public class IdempotentRoutes {

  public static final String REPLAYED = "Idempotent-Replayed";
  /** The description of the optional header on these routes (the money routes' one is required). */
  public static final String KEY = "Optional: a key chosen per change (at most 200 characters, e.g. a UUID), so "
      + "that a change queued offline and sent again arrives once. A retry with the same key and request answers "
      + "the first result (status, body, ETag) with `Idempotent-Replayed: true` and changes nothing; the same key "
      + "with another request is a 422.";

  @Inject
  IdempotentRequests requests;

  private final Jsonb json = JsonbBuilder.create();

  /** {@code request}: what makes two requests the same (route, ids, body); {@code work} makes the change. */
  public Response once(String idempotencyKey, String request, String what, Supplier<Response> work) {
    String key = IdempotentRequests.optionalKey(idempotencyKey);
    if (key == null) {
      return work.get();
    }
    return response(requests.once(key, IdempotentRequests.hash(request), what, () -> answer(work.get())));
  }

  /** The answer a response gives, its entity as the JSON a client reads. */
  public IdempotentRequests.Answer answer(Response response) {
    EntityTag tag = response.getEntityTag();
    URI location = response.getLocation();
    Object entity = response.getEntity();
    return new IdempotentRequests.Answer(response.getStatus(), tag == null ? null : tag.toString(),
        location == null ? null : location.toString(), entity == null ? null : json.toJson(entity), false);
  }

  /** The answer as a response, flagged as replayed or not. */
  public static Response response(IdempotentRequests.Answer answer) {
    Response.ResponseBuilder builder = Response.status(answer.status()).header(REPLAYED,
        Boolean.toString(answer.replayed()));
    if (answer.etag() != null) {
      builder.header("ETag", answer.etag());
    }
    if (answer.location() != null) {
      builder.header("Location", answer.location());
    }
    if (answer.body() != null) {
      builder.entity(answer.body()).type(MediaType.APPLICATION_JSON_TYPE);
    }
    return builder.build();
  }
}
