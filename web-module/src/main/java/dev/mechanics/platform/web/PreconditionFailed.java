package dev.mechanics.platform.web;

import dev.mechanics.platform.DomainException;

/** {@code If-Match} names no version this resource can have (another server's tag): 412, as RFC 9110 says. */
public class PreconditionFailed extends DomainException {
  public PreconditionFailed() {
    super("If-Match names no current version of this resource (its ETags are numbers such as \"3\"); read it "
        + "again and send the ETag it answers with");
  }
}
