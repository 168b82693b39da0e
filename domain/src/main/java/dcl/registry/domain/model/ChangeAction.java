package dcl.registry.domain.model;

/** What a write did to a mapping. */
public enum ChangeAction {
    CREATED,
    UPDATED,
    DELETED,
    REVIVED
}
