package dev.mechanics.platform.web;

import dev.mechanics.platform.DomainException;

/** An update came without {@code If-Match}: 428, so lost updates cannot happen by omission. */
public class PreconditionRequired extends DomainException {
  public PreconditionRequired() {
    super("Send If-Match with the ETag of the version you are changing");
  }
}
