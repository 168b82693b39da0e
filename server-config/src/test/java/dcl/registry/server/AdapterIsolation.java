package dcl.registry.server;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Optional;

/** Fails for a dependency from one adapter module's packages into another's. */
final class AdapterIsolation extends ArchCondition<JavaClass> {
    AdapterIsolation() {
        super("depend on another adapter");
    }

    @Override
    public void check(JavaClass origin, ConditionEvents events) {
        Optional<String> own = adapterOf(origin.getPackageName());
        for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
            Optional<String> target = adapterOf(dependency.getTargetClass().getPackageName());
            if (own.isPresent() && target.isPresent() && !own.equals(target)) {
                events.add(SimpleConditionEvent.satisfied(dependency, dependency.getDescription()));
            }
        }
    }

    /**
     * {@code dcl.registry.adapters.rest.admin} → {@code adapters.rest}; {@code
     * dcl.registry.batch.x} → {@code batch}.
     */
    static Optional<String> adapterOf(String packageName) {
        String[] parts = packageName.split("\\.");
        if (parts.length >= 4
                && parts[0].equals("dcl")
                && parts[1].equals("registry")
                && parts[2].equals("adapters")) {
            return Optional.of("adapters." + parts[3]);
        }
        if (parts.length >= 3
                && parts[0].equals("dcl")
                && parts[1].equals("registry")
                && parts[2].equals("batch")) {
            return Optional.of("batch");
        }
        return Optional.empty();
    }
}
