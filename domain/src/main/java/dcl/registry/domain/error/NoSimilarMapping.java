package dcl.registry.domain.error;

/** No known mapping reads enough like the field: the similarity threshold was not reached. */
public final class NoSimilarMapping extends DomainException {
    public NoSimilarMapping(String source, double threshold) {
        super(
                "No known ACTIVE mapping is similar enough to "
                        + source
                        + " (threshold "
                        + threshold
                        + "); ask POST /dcl/intelligence/propose-mapping for a proposal instead");
    }
}
