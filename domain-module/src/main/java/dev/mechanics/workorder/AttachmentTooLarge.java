package dev.mechanics.workorder;

import java.io.IOException;

/** The upload grew past the attachment size limit; it is abandoned and nothing is recorded. */
public class AttachmentTooLarge extends IOException {
  private final long limit;

  public AttachmentTooLarge(long limit) {
    super("Attachment is larger than " + limit + " bytes");
    this.limit = limit;
  }

  public long limit() {
    return limit;
  }
}
