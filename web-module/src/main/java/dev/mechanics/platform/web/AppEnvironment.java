package dev.mechanics.platform.web;

import dev.mechanics.platform.PublicLinks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code APP_ENVIRONMENT}: {@code production} (the ARM templates set it) or {@code development} (the default:
 * the run command, the tests). Production refuses to start without what a deployment needs, naming each missing
 * variable: mail ({@code SMTP_HOST}: without it a mail would only be logged, and mails carry links that are
 * credentials) and the public address links are built from ({@code PUBLIC_BASE_URL}).
 */
@ApplicationScoped
public class AppEnvironment {

  public static final String VARIABLE = "APP_ENVIRONMENT";

  @Inject
  @ConfigProperty(name = VARIABLE)
  Optional<String> environment;

  @Inject
  @ConfigProperty(name = "SMTP_HOST")
  Optional<String> smtpHost;

  @Inject
  @ConfigProperty(name = PublicLinks.VARIABLE)
  Optional<String> publicBaseUrl;

  public boolean isProduction() {
    return isProduction(environment.orElse(null));
  }

  /** What stops start-up, each naming its variable (never its value); empty when the configuration can run. */
  public List<String> problems() {
    return problems(environment.orElse(null), smtpHost.orElse(null), publicBaseUrl.orElse(null));
  }

  static List<String> problems(String environment, String smtpHost, String publicBaseUrl) {
    List<String> problems = new ArrayList<>();
    String name = environment == null ? "" : environment.strip().toLowerCase(Locale.ROOT);
    if (!name.isEmpty() && !name.equals("production") && !name.equals("development")) {
      problems.add(VARIABLE + " must be production or development");
    }
    boolean production = name.equals("production");
    if (production && blank(smtpHost)) {
      problems.add("SMTP_HOST is required in production (APP_ENVIRONMENT=production): without a mail server "
          + "approval and invitation mails could not be sent, and they are never written to the log");
    }
    if (blank(publicBaseUrl)) {
      if (production) {
        problems.add(PublicLinks.VARIABLE + " is required in production (APP_ENVIRONMENT=production): the "
            + "https address customers and staff reach (Front Door or the custom domain); links in mails are "
            + "built from it");
      }
    } else {
      String problem = PublicLinks.problem(publicBaseUrl, production);
      if (problem != null) {
        problems.add(problem);
      }
    }
    return problems;
  }

  static boolean isProduction(String environment) {
    return environment != null && environment.strip().equalsIgnoreCase("production");
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
