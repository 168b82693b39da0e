package dcl.registry.bench.constant;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * The yardstick of {@code LookupRatioBenchmark}: a JAX-RS application deployed beside the registry
 * in the same Liberty, answering one constant JSON body, openly and behind the same MP-JWT check
 * the registry's lookup passes. Never part of the registry's WAR.
 */
@ApplicationPath("/")
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles("service")
public class ConstantApplication extends Application {}
