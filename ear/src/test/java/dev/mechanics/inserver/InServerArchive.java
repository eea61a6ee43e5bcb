package dev.mechanics.inserver;

import java.io.File;
import java.util.Arrays;
import org.assertj.core.api.Assertions;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The archive an in-server test deploys: the test class, the EAR's libraries (domain, storage, Hibernate, ...;
 * not the batch jobs) and AssertJ, with CDI discovering everything.
 */
final class InServerArchive {

  private InServerArchive() {
  }

  static WebArchive of(String name, Class<?> test) {
    File[] libraries = new File("target/mechanics/lib").listFiles((dir, file) -> file.endsWith(".jar"));
    if (libraries == null || libraries.length == 0) {
      throw new IllegalStateException("target/mechanics/lib is empty: package the EAR first");
    }
    return ShrinkWrap.create(WebArchive.class, name)
        .addClass(test)
        .addAsLibraries(Arrays.stream(libraries).filter(f -> !f.getName().contains("batch-module"))
            .toArray(File[]::new))
        .addAsLibraries(new File(Assertions.class.getProtectionDomain().getCodeSource().getLocation().getPath()))
        .addAsWebInfResource(new StringAsset(
            "<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"4.1\" bean-discovery-mode=\"all\"/>"),
            "beans.xml");
  }
}
