package dcl.registry.application;

import dcl.registry.domain.intelligence.RankingModel;
import dcl.registry.domain.model.TenantId;
import dcl.registry.domain.port.out.RankingModels;

/** The re-ranker each tenant's proposals are weighed with. */
public class TenantRankingModels implements RankingModels {
    private final RankingModel global;

    public TenantRankingModels(RankingModel global) {
        this.global = global;
    }

    @Override
    public RankingModel modelFor(TenantId tenant) {
        return global;
    }
}
