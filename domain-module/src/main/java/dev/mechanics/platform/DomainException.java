package dev.mechanics.platform;

import java.util.List;

/**
 * A business rule said no. The web layer turns each subtype into one problem+json status; the domain never
 * speaks HTTP.
 */
public abstract class DomainException extends RuntimeException {

  private final List<FieldProblem> fieldProblems;

  protected DomainException(String message, List<FieldProblem> fieldProblems) {
    super(message, null, false, false);
    this.fieldProblems = List.copyOf(fieldProblems);
  }

  protected DomainException(String message) {
    this(message, List.of());
  }

  /** A rule broken by one field: the message is both the detail and the field's problem. */
  protected DomainException(String field, String message) {
    this(message, List.of(new FieldProblem(field, message)));
  }

  public List<FieldProblem> fieldProblems() {
    return fieldProblems;
  }

  /** One invalid field of a request: {@code field} is the JSON name, {@code message} says what is wrong. */
  public record FieldProblem(String field, String message) {
  }

  /** The object does not exist in the caller's organization (another tenant's objects are indistinguishable). */
  public static final class NotFound extends DomainException {
    public NotFound(String what, Object id) {
      super("No " + what + " with id " + id);
    }
  }

  /** The request conflicts with existing state (duplicate VIN, e-mail already registered, ...). */
  public static final class Conflict extends DomainException {
    public Conflict(String message) {
      super(message);
    }

    public Conflict(String message, List<FieldProblem> problems) {
      super(message, problems);
    }
  }

  /** Input that is well-formed but breaks a rule (check digit, unknown shop, ...): 422. */
  public static final class InvalidInput extends DomainException {
    public InvalidInput(String message, List<FieldProblem> problems) {
      super(message, problems);
    }

    private InvalidInput(String field, String message) {
      super(field, message);
    }

    public static InvalidInput field(String field, String message) {
      return new InvalidInput(field, message);
    }
  }

  /**
   * A request the API cannot read as sent: an id that is no id, a limit that is no number, a missing
   * Idempotency-Key, a malformed If-Match (400, naming the field). A well-formed value that breaks a business
   * rule is {@link InvalidInput} instead.
   */
  public static final class Malformed extends DomainException {
    public Malformed(String field, String message) {
      super(field, message);
    }
  }

  /** The caller may see the object but not do this to it. */
  public static final class Forbidden extends DomainException {
    public Forbidden(String message) {
      super(message);
    }
  }

  /** Wrong credentials or a disabled account; the message never says which. */
  public static final class AuthenticationFailed extends DomainException {
    public AuthenticationFailed() {
      super("E-mail or password is incorrect");
    }

    public AuthenticationFailed(String message) {
      super(message);
    }
  }

  /** Too many attempts; {@code retryAfterSeconds} says when to try again (429 with Retry-After). */
  public static final class TooManyRequests extends DomainException {
    private final long retryAfterSeconds;

    public TooManyRequests(String message, long retryAfterSeconds) {
      super(message);
      this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    public long retryAfterSeconds() {
      return retryAfterSeconds;
    }
  }

  /** The version the client based its change on is not the current one (optimistic locking). */
  public static final class StaleVersion extends DomainException {
    public StaleVersion(String what, long expected, long actual) {
      super("The " + what + " was changed by someone else (your version " + expected + ", current " + actual
          + "); reload it and try again");
    }

    /** For what has no version number of its own (an inspection checklist's version is a digest). */
    public StaleVersion(String what) {
      super("The " + what + " was changed by someone else; reload it and try again");
    }
  }

  /** Who to call about something a customer holds, such as the shop that sent an approval link. */
  public record Contact(String name, String phone) {
  }

  /**
   * A link handed out of a session that cannot be used, and why: 404 when it names nothing (tampered, unknown),
   * 409 when it was used, 410 when it expired. The problem's type says which ({@code <link>-invalid}, {@code
   * -used}, {@code -expired}) and, where known, carries who to call for a new one, so a page can say so.
   */
  public static final class UnusableLink extends DomainException {

    /** Why the link cannot be used, with the HTTP status that says it. */
    public enum Reason {
      INVALID(404), USED(409), EXPIRED(410);

      private final int status;

      Reason(int status) {
        this.status = status;
      }

      public int status() {
        return status;
      }
    }

    private final String link;
    private final Reason reason;
    private final Contact contact;

    public UnusableLink(String link, Reason reason, String message, Contact contact) {
      super(message);
      this.link = link;
      this.reason = reason;
      this.contact = contact;
    }

    /** The kind of link, as the problem type names it ("approval-link"). */
    public String link() {
      return link;
    }

    public Reason reason() {
      return reason;
    }

    /** Who to call for a new link; null when the link names nothing. */
    public Contact contact() {
      return contact;
    }
  }

  /** The thing existed but is no longer usable (an expired approval link). */
  public static final class Gone extends DomainException {
    public Gone(String message) {
      super(message);
    }
  }
}
