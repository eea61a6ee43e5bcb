package dev.mechanics.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module and package rules of ARCHITECTURE.md §1, checked on the compiled classes of each module. */
class ArchitectureTest {

  private static JavaClasses domain;
  private static JavaClasses web;
  private static JavaClasses batch;
  private static JavaClasses storage;

  @BeforeAll
  static void importModules() {
    domain = importModule("domain-module");
    web = importModule("web-module");
    batch = importModule("batch-module");
    storage = importModule("storage-module");
  }

  private static JavaClasses importModule(String module) {
    Path classes = Path.of("..", module, "target", "classes");
    if (!Files.isDirectory(classes)) {
      throw new IllegalStateException("Build " + module + " first: " + classes.toAbsolutePath() + " is missing");
    }
    return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPath(classes);
  }

  @Test
  void theDomainKnowsNothingOfHttpJsonRedisOrBlobStorage() {
    noClasses().should().dependOnClassesThat().resideInAnyPackage(
            "jakarta.ws.rs..", "jakarta.json..", "jakarta.servlet..", "redis.clients..", "com.azure..",
            "org.eclipse.microprofile.jwt..", "com.nimbusds..", "dev.mechanics.platform.web..")
        .because("the domain speaks through ports; HTTP, JSON, Redis and Blob Storage live at the edges")
        .check(domain);
  }

  @Test
  void theBatchModuleDoesNotReachIntoTheWebModule() {
    noClasses().should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "dev.mechanics.platform.web..")
        .allowEmptyShould(true)
        .check(batch);
  }

  @Test
  void everythingLivesInABusinessContextOrPlatform() {
    String[] contexts = {"dev.mechanics.tenancy..", "dev.mechanics.customer..", "dev.mechanics.workorder..",
        "dev.mechanics.billing..", "dev.mechanics.inventory..", "dev.mechanics.scheduling..",
        "dev.mechanics.files..", "dev.mechanics.audit..", "dev.mechanics.reporting..", "dev.mechanics.backup..",
        "dev.mechanics.platform..", "dev.mechanics.demo.."};
    classes().should().resideInAnyPackage(contexts).check(domain);
    classes().should().resideInAnyPackage(contexts).check(web);
    classes().should().resideInAnyPackage(contexts).allowEmptyShould(true).check(batch);
    classes().should().resideInAnyPackage(contexts).check(storage);
  }

  @Test
  void storageAdaptersSpeakNoHttpApiOfOurs() {
    noClasses().should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "dev.mechanics.platform.web..")
        .because("the FileStore adapters are shared by the web module and the batch jobs").check(storage);
    noClasses().should().callMethod(System.class, "getenv", String.class).check(storage);
  }

  @Test
  void noGrabBagClasses() {
    noClasses().should().haveSimpleNameEndingWith("Utils").orShould().haveSimpleNameEndingWith("Helper")
        .orShould().haveSimpleNameEndingWith("Manager")
        .because("one class, one job, named after what it is").check(domain);
    noClasses().should().haveSimpleNameEndingWith("Utils").orShould().haveSimpleNameEndingWith("Helper")
        .orShould().haveSimpleNameEndingWith("Manager").check(web);
  }

  @Test
  void resourcesLiveInTheWebModuleOnlyAndEntitiesNeverCrossTheHttpBoundary() {
    noClasses().should().beAnnotatedWith(jakarta.ws.rs.Path.class).check(domain);
    noClasses().that().areAnnotatedWith(jakarta.ws.rs.Path.class)
        .should().haveSimpleNameNotEndingWith("Resource").check(web);
  }

  @Test
  void platformCodeDoesNotDependOnBusinessContexts() {
    noClasses().that().resideInAPackage("dev.mechanics.platform..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.mechanics.customer..", "dev.mechanics.workorder..",
            "dev.mechanics.billing..")
        .check(domain);
  }

  @Test
  void configurationIsReadThroughMicroProfileConfigNotScatteredGetenv() {
    noClasses().that().doNotHaveFullyQualifiedName("dev.mechanics.platform.security.JwtKeys")
        .should().callMethod(System.class, "getenv", String.class)
        .because("configuration comes from MicroProfile Config (JwtKeys feeds MicroProfile Config itself)")
        .check(web);
    noClasses().should().callMethod(System.class, "getenv", String.class).check(domain);
  }
}
