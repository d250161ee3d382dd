package harvest.planning.solver;

import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import harvest.planning.domain.Chunk;
import harvest.planning.domain.HarvestPlan;
import harvest.planning.domain.Harvester;

import java.time.Duration;

/** The solver set-up shared by planning runs and tests: the domain, the constraints, and how long to search. */
public final class HarvestSolverConfig {
    private HarvestSolverConfig() {
    }

    public static SolverConfig create(Duration timeLimit) {
        return new SolverConfig()
                .withSolutionClass(HarvestPlan.class)
                .withEntityClasses(Harvester.class, Chunk.class)
                .withConstraintProviderClass(HarvestConstraints.class)
                .withTerminationConfig(new TerminationConfig().withSpentLimit(timeLimit));
    }
}
