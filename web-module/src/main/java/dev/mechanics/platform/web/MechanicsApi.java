package dev.mechanics.platform.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The REST API under {@code /api/v1}, authenticated with MicroProfile JWT bearer tokens. */
@ApplicationPath("/api/v1")
@LoginConfig(authMethod = "MP-JWT", realmName = "mechanics")
@OpenAPIDefinition(
    info = @Info(title = "Mechanics Shop Management API", version = "v1",
        description = "Shops, customers, vehicles and work orders of auto-repair shop chains."),
    security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
    bearerFormat = "JWT")
public class MechanicsApi extends Application {
}
