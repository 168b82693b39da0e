package dcl.registry.domain.port.out;

import java.time.Instant;

/** Makes one node, and only one, run each scheduled slot, however many nodes share the schedule. */
public interface ScheduleClaims {
    /** True for the first caller of a (schedule, slot) pair, false for every later one. */
    boolean claim(String schedule, Instant slot, String node);
}
