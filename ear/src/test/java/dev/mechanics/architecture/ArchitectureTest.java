package dev.mechanics.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.conditions.ArchConditions;
import jakarta.persistence.Entity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module and package rules of docs/architecture.md ("What may depend on what", "Packages"), checked on the
 * compiled classes of each module.
 */
class ArchitectureTest {

  /** Names of technical layers: a top-level package is a business context (or platform), never one of these. */
  private static final Set<String> LAYER_NAMES = Set.of("service", "services", "util", "utils", "helper",
      "helpers", "dao", "model", "models", "dto", "dtos", "entity", "entities", "controller", "controllers",
      "repository", "repositories", "impl", "common", "core", "misc", "resource", "resources", "api");

  private static JavaClasses domain;
  private static JavaClasses web;
  private static JavaClasses batch;
  private static JavaClasses storage;
  private static JavaClasses mail;
  private static JavaClasses documents;
  private static JavaClasses webAndDomain;

  @BeforeAll
  static void importModules() {
    domain = importModule("domain-module");
    web = importModule("web-module");
    batch = importModule("batch-module");
    storage = importModule("storage-module");
    mail = importModule("mail-module");
    documents = importModule("documents-module");
    webAndDomain = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPaths(classesOf("web-module"), classesOf("domain-module"));
  }

  private static Path classesOf(String module) {
    Path classes = Path.of("..", module, "target", "classes");
    if (!Files.isDirectory(classes)) {
      throw new IllegalStateException("Build " + module + " first: " + classes.toAbsolutePath() + " is missing");
    }
    return classes;
  }

  private static JavaClasses importModule(String module) {
    return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPath(classesOf(module));
  }

  @Test
  void theDomainKnowsNothingOfHttpJsonRedisBlobStorageOrSmtp() {
    noClasses().should().dependOnClassesThat().resideInAnyPackage(
            "jakarta.ws.rs..", "jakarta.json..", "jakarta.servlet..", "redis.clients..", "com.azure..",
            "jakarta.mail..", "org.eclipse.microprofile.jwt..", "com.nimbusds..", "dev.mechanics.platform.web..")
        .because("the domain speaks through ports; HTTP, JSON, Redis, Blob Storage and SMTP live at the edges")
        .check(domain);
  }

  @Test
  void theBatchModuleDoesNotReachIntoTheWebModule() {
    noClasses().should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "dev.mechanics.platform.web..")
        .check(batch);
  }

  /**
   * Packages by business context, not by technical layer: every class lives in {@code dev.mechanics.<context>}
   * (or {@code dev.mechanics.platform} for cross-cutting code). A new context, such as a new job's, needs no
   * change here; a layer name ("service", "util", ...) as a top-level package fails.
   */
  @Test
  void everythingLivesInABusinessContextOrPlatform() {
    DescribedPredicate<JavaClass> inAContext = DescribedPredicate.describe("in dev.mechanics.<business context>",
        c -> {
          Matcher m = Pattern.compile("dev\\.mechanics\\.([a-z]+)(\\..+)?").matcher(c.getPackageName());
          return m.matches() && !LAYER_NAMES.contains(m.group(1));
        });
    for (JavaClasses module : List.of(domain, web, batch, storage, mail, documents)) {
      classes().should(ArchConditions.be(inAContext)).check(module);
    }
  }

  @Test
  void adaptersSpeakNoHttpApiOfOursAndReadNoEnvironment() {
    for (JavaClasses adapters : List.of(storage, mail)) {
      noClasses().should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "dev.mechanics.platform.web..")
          .because("the FileStore and MailSender adapters are shared by the web module and the batch jobs")
          .check(adapters);
      noClasses().should().callMethod(System.class, "getenv", String.class).check(adapters);
    }
  }

  @Test
  void noGrabBagClasses() {
    for (JavaClasses module : List.of(domain, web, batch, storage, mail, documents)) {
      noClasses().should().haveSimpleNameEndingWith("Utils").orShould().haveSimpleNameEndingWith("Helper")
          .orShould().haveSimpleNameEndingWith("Manager")
          .because("one class, one job, named after what it is").check(module);
    }
  }

  /** Documents and mails are rendered for the web module and the batch jobs alike: no HTTP, no environment. */
  @Test
  void documentsSpeakNoHttpAndReadNoEnvironment() {
    noClasses().should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "jakarta.servlet..",
        "dev.mechanics.platform.web..").check(documents);
    noClasses().should().callMethod(System.class, "getenv", String.class).check(documents);
  }

  @Test
  void resourcesLiveInTheWebModuleOnly() {
    noClasses().should().beAnnotatedWith(jakarta.ws.rs.Path.class).check(domain);
    noClasses().that().areAnnotatedWith(jakarta.ws.rs.Path.class)
        .should().haveSimpleNameNotEndingWith("Resource").check(web);
  }

  /**
   * A resource without a scope is created per request, and with it its interceptors (method validation,
   * transactions), whose injection takes one lock of Liberty's for the whole server: under load that lock, not
   * the database, set the pace (issue 12, docs/adr/0056). Resources hold no request state (request data reaches
   * them as parameters or through proxies such as {@code CurrentCaller}), so one instance serves all requests.
   */
  @Test
  void resourcesAreApplicationScoped() {
    classes().that().areAnnotatedWith(jakarta.ws.rs.Path.class)
        .should().beAnnotatedWith(jakarta.enterprise.context.ApplicationScoped.class).check(web);
  }

  /**
   * No {@code @Entity} in a resource method's signature (return type, parameters, their type arguments), nor in a
   * type JSON-B writes or reads: the records of the web module and every type reachable through their fields.
   */
  @Test
  void entitiesNeverCrossTheHttpBoundary() {
    Set<String> offences = new TreeSet<>();
    Set<JavaClass> seen = new HashSet<>();
    for (JavaClass resource : webAndDomain) {
      if (!resource.isAnnotatedWith(jakarta.ws.rs.Path.class)) {
        continue;
      }
      for (JavaMethod method : resource.getMethods()) {
        Set<JavaModifier> modifiers = method.getModifiers();
        if (!modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.STATIC)) {
          continue;
        }
        List<JavaType> types = new ArrayList<>(method.getParameterTypes());
        types.add(method.getReturnType());
        for (JavaType type : types) {
          for (JavaClass involved : type.getAllInvolvedRawTypes()) {
            walk(involved, resource.getSimpleName() + "." + method.getName(), seen, offences);
          }
        }
      }
    }
    for (JavaClass type : web) {
      if (type.isAssignableTo(Record.class)) {
        walk(type, type.getName(), seen, offences);
      }
    }
    assertThat(seen).as("the walk reached the response records").isNotEmpty();
    assertThat(offences).as("entities on the HTTP boundary").isEmpty();
  }

  private static void walk(JavaClass type, String via, Set<JavaClass> seen, Set<String> offences) {
    if (type.isAnnotatedWith(Entity.class)) {
      offences.add(via + " exposes the entity " + type.getName());
      return;
    }
    if (!type.getPackageName().startsWith("dev.mechanics") || !seen.add(type)) {
      return;
    }
    for (JavaField field : type.getFields()) {
      if (!field.getModifiers().contains(JavaModifier.STATIC)) {
        for (JavaClass involved : field.getType().getAllInvolvedRawTypes()) {
          walk(involved, via + " > " + type.getSimpleName() + "." + field.getName(), seen, offences);
        }
      }
    }
  }

  @Test
  void platformCodeDoesNotDependOnBusinessContexts() {
    noClasses().that().resideInAPackage("dev.mechanics.platform..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.mechanics.customer..", "dev.mechanics.workorder..",
            "dev.mechanics.billing..", "dev.mechanics.reporting..", "dev.mechanics.backup..")
        .check(domain);
  }

  @Test
  void configurationIsReadThroughMicroProfileConfigNotScatteredGetenv() {
    noClasses().that().doNotHaveFullyQualifiedName("dev.mechanics.platform.security.JwtKeys")
        .should().callMethod(System.class, "getenv", String.class)
        .because("configuration comes from MicroProfile Config (JwtKeys feeds MicroProfile Config itself)")
        .check(web);
    noClasses().should().callMethod(System.class, "getenv", String.class).check(domain);
    noClasses().should().callMethod(System.class, "getenv", String.class).check(batch);
  }
}
