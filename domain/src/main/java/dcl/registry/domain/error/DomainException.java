package dcl.registry.domain.error;

/**
 * Base of every error a caller can cause; the message is safe to show to that caller. Sealed: the
 * adapters map each permitted type to its own status, so a new error must be added here and is then
 * caught by their tests instead of falling through to a generic answer.
 */
public abstract sealed class DomainException extends RuntimeException
        permits CanonicalEntityNotFound,
                DuplicateMapping,
                EquivalenceNotShown,
                IllegalTransition,
                InvalidInput,
                JobNotFound,
                JobStateConflict,
                MappingNotFound,
                NoSimilarMapping,
                NotPermitted,
                ResourceNotFound,
                RolloutHalted,
                StaleVersion,
                StoreUnavailable,
                StrategyUnavailable,
                VersionRequired,
                WritesFrozen {
    protected DomainException(String message) {
        super(message, null, false, false);
    }
}
