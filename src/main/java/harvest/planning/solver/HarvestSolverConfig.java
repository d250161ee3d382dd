package harvest.planning.solver;

import ai.timefold.solver.core.config.heuristic.selector.entity.EntitySelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.ChangeMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.list.ListChangeMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.list.ListSwapMoveSelectorConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import harvest.planning.domain.Chunk;
import harvest.planning.domain.HarvestPlan;
import harvest.planning.domain.Harvester;

import java.time.Duration;

/**
 * The solver set-up shared by planning runs and tests: the domain, the constraints, and how long to search.
 * The search starts from a dispatched plan (the drying-aware start or the rule of thumb) and only improves it
 * (local search), with route moves kept near ({@link NearbyListMoves}): Timefold's
 * construction heuristic cannot tell a drying site or team left empty on purpose from one not yet chosen, so
 * it would re-open every such chunk, and on a county it does not finish building a first plan in a minute.
 */
public final class HarvestSolverConfig {
    private HarvestSolverConfig() {
    }

    public static SolverConfig create(Duration timeLimit) {
        return new SolverConfig()
                .withSolutionClass(HarvestPlan.class)
                .withEntityClasses(Harvester.class, Chunk.class)
                .withConstraintProviderClass(HarvestConstraints.class)
                .withPhases(new LocalSearchPhaseConfig().withMoveSelectorConfig(new UnionMoveSelectorConfig().withMoveSelectors(
                        new ChangeMoveSelectorConfig().withEntitySelectorConfig(new EntitySelectorConfig(Chunk.class)),
                        new ListChangeMoveSelectorConfig().withFilterClass(NearbyListMoves.class),
                        new ListSwapMoveSelectorConfig().withFilterClass(NearbyListMoves.class))))
                .withTerminationConfig(new TerminationConfig().withSpentLimit(timeLimit));
    }
}
