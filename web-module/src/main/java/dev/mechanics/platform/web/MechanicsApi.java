package dev.mechanics.platform.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * The REST API under {@code /api/v1}, authenticated with MicroProfile JWT bearer tokens. Its OpenAPI document's
 * shared parts (info, security scheme, problem+json, conventions) are in {@code dev.mechanics.platform.openapi}.
 */
@ApplicationPath("/api/v1")
@LoginConfig(authMethod = "MP-JWT", realmName = "mechanics")
public class MechanicsApi extends Application {
}
