package dev.mechanics.platform.batch;

/**
 * The usual start of a {@link JobDefinition}: a job named and scoped in its constructor. A job with no parameters
 * to check is then just {@code @ApplicationScoped class XJob extends NamedJob { XJob() { super("x", ...); } }}.
 */
public abstract class NamedJob implements JobDefinition {

  private final String name;
  private final Scope scope;

  protected NamedJob(String name, Scope scope) {
    this.name = name;
    this.scope = scope;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Scope scope() {
    return scope;
  }
}
