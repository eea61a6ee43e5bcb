package dev.mechanics.platform.web;

import dev.mechanics.platform.DomainException;
import java.util.List;

/** A request parameter or field the API itself rejects (limit, cursor, id, If-Match): 400 with the field. */
public class InvalidRequest extends DomainException {
  public InvalidRequest(String field, String message) {
    super(message, List.of(new FieldProblem(field, message)));
  }
}
