package dev.mechanics.it.support;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** The last resort for a machine without PostgreSQL: a container, when a Docker engine exists. */
final class DockerPostgres {

  private static PostgreSQLContainer container;

  private DockerPostgres() {
  }

  static TestDatabase.Server start() {
    boolean docker;
    try {
      docker = DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      docker = false;
    }
    if (!docker) {
      throw new IllegalStateException("no Docker engine for Testcontainers");
    }
    container = new PostgreSQLContainer("postgres:17-alpine");
    container.start();
    String url = "postgresql://" + container.getUsername() + ":" + container.getPassword() + "@"
        + container.getHost() + ":" + container.getFirstMappedPort() + "/" + container.getDatabaseName();
    return new TestDatabase.Server(url, "a Testcontainers PostgreSQL");
  }
}
