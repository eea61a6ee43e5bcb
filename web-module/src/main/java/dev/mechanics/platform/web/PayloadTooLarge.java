package dev.mechanics.platform.web;

/** A request body grew past the configured limit while it was being read. */
public class PayloadTooLarge extends RuntimeException {

  private final long limit;

  public PayloadTooLarge(long limit) {
    super("Request body is larger than " + limit + " bytes", null, false, false);
    this.limit = limit;
  }

  public long limit() {
    return limit;
  }
}
