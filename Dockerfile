# syntax=docker/dockerfile:1
#
# Mechanics Shop Management System: the one application image.
#
# Build the project first; this file only packages what Maven produced (no Maven, JDK or network
# downloads of our own inside the image build):
#   mvn -B -ntp -DskipTests package
#   docker build -t mechanics:local .
#
# What goes where (every source below exists after `mvn package`; ContainerImageIT checks that):
#   liberty-config/{server.xml,jvm.options,bootstrap.properties}  -> /config/   (the same files the Maven-built server uses)
#   ear/target/liberty/wlp/usr/shared/resources/jdbc/              -> /opt/ol/wlp/usr/shared/resources/jdbc/ (PostgreSQL driver + DatabaseUrlDataSource)
#   ear/target/agent/applicationinsights-agent.jar                 -> /opt/mechanics/agent/ (copied by the ear build from Maven Central)
#   docker/certs/azure-postgresql-roots.pem                        -> /opt/mechanics/certs/ (Azure PostgreSQL roots, verify-full)
#   ear/target/mechanics.ear                                       -> /config/apps/mechanics.ear
#
# There is no separate frontend image: the SPA, when it exists, is static content of web-module and
# is served by this application (same origin, same image, same deployment).
#
# All configuration comes from environment variables at run time (see docs/operations.md and the
# configuration table in the architecture notes); nothing environment-specific is baked in.

# Official Open Liberty image, pinned to the runtime version the build and the tests use
# (pom.xml: liberty.runtime.version). kernel-slim: features are installed below from server.xml.
# UBI 9 minimal with IBM Semeru 17 (OpenJ9).
FROM icr.io/appcafe/open-liberty:26.0.0.5-kernel-slim-java17-openj9-ubi-minimal

LABEL org.opencontainers.image.title="mechanics" \
      org.opencontainers.image.description="Mechanics Shop Management System (Jakarta EE on Open Liberty)" \
      org.opencontainers.image.vendor="Mechanics Shop Management System"

# 1. Server configuration, then the features it lists (cached as long as server.xml is unchanged).
COPY --chown=1001:0 liberty-config/server.xml liberty-config/jvm.options liberty-config/bootstrap.properties /config/
RUN features.sh

# 2. Server-level JDBC libraries (server.xml's jdbcLib reads ${shared.resource.dir}/jdbc/*.jar).
COPY --chown=1001:0 ear/target/liberty/wlp/usr/shared/resources/jdbc/ /opt/ol/wlp/usr/shared/resources/jdbc/

# 3. Application Insights Java agent and its configuration (same directory, which is where the agent
#    looks for applicationinsights.json). Loaded only when APPLICATIONINSIGHTS_CONNECTION_STRING is set,
#    see docker/entrypoint.sh.
COPY --chown=1001:0 ear/target/agent/applicationinsights-agent.jar docker/applicationinsights.json /opt/mechanics/agent/
COPY --chown=1001:0 --chmod=0755 docker/entrypoint.sh /opt/mechanics/entrypoint.sh

# 4. The root certificates Azure Database for PostgreSQL chains to (DigiCert Global Root G2, Microsoft RSA Root
#    CA 2017), for DATABASE_URL=...?sslmode=verify-full&sslrootcert=/opt/mechanics/certs/azure-postgresql-roots.pem
#    (the driver checks the server's certificate and host name against exactly these).
COPY --chown=1001:0 docker/certs/azure-postgresql-roots.pem /opt/mechanics/certs/

# 5. The application, last: it changes on every commit, the layers above rarely do.
COPY --chown=1001:0 ear/target/mechanics.ear /config/apps/mechanics.ear

# 6. Liberty's own image configuration step (OpenJ9 shared class cache, server tuning).
RUN configure.sh

# Never root at run time (the base image's user 1001, group 0 for OpenShift-style arbitrary UIDs).
USER 1001

# PORT is read by server.xml (httpEndpoint); App Service is told the same port through WEBSITES_PORT.
ENV PORT=9080
EXPOSE 9080
# glibc gives each thread that allocates natively an arena of its own, up to 8 per core, and keeps their memory;
# two arenas hold what this server allocates outside the heap (issue 12 goal 4: resident memory; bench/api-load.sh
# runs its server the same way)
ENV MALLOC_ARENA_MAX=2

# Readiness as the platform sees it. curl is part of the UBI minimal base (the base image's own build
# uses it); the probe needs no JVM. App Service ignores HEALTHCHECK and probes healthCheckPath
# (/health/ready) itself; docker and docker compose use this one.
HEALTHCHECK --interval=30s --timeout=5s --start-period=90s --retries=3 \
  CMD curl -fsS -o /dev/null "http://localhost:${PORT:-9080}/health/ready" || exit 1

ENTRYPOINT ["/opt/mechanics/entrypoint.sh"]
CMD ["/opt/ol/wlp/bin/server", "run", "defaultServer"]
