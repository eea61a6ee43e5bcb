package dev.mechanics.floor;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/** Signed in the way the product is: Liberty's MicroProfile JWT verifies an ES256 bearer token per request. */
@ApplicationPath("/api/v1")
@LoginConfig(authMethod = "MP-JWT", realmName = "floor")
public class FloorApi extends Application {}
