package dev.mechanics.workorder;

/** How the customer gave the answer: through the link, on the phone, or at the counter. */
public enum ApprovalMethod {
  LINK, PHONE, IN_PERSON
}
