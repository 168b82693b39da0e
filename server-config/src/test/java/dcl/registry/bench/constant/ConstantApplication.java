package dcl.registry.bench.constant;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The yardstick of {@code LookupRatioBenchmark}: a JAX-RS application deployed beside the registry
 * in the same Liberty, answering one constant JSON body. Never part of the registry's WAR.
 */
@ApplicationPath("/")
public class ConstantApplication extends Application {}
