package harvest.planning.solver;

import ai.timefold.solver.core.preview.api.move.Move;
import ai.timefold.solver.core.impl.heuristic.selector.common.decorator.SelectionFilter;
import ai.timefold.solver.core.impl.heuristic.selector.move.generic.list.SelectorBasedListAssignMove;
import ai.timefold.solver.core.impl.heuristic.selector.move.generic.list.SelectorBasedListChangeMove;
import ai.timefold.solver.core.impl.heuristic.selector.move.generic.list.SelectorBasedListSwapMove;
import ai.timefold.solver.core.impl.score.director.ScoreDirector;
import harvest.planning.domain.Chunk;
import harvest.planning.domain.HarvestPlan;
import harvest.planning.domain.Harvester;
import harvest.planning.domain.Place;

import java.util.List;

/**
 * Keeps the search's route moves local, as Nearby Selection would (an Enterprise feature): a chunk moves only next
 * to a chunk (or the base) within {@link #KM} of it, and two chunks swap only if they lie that close. Without it
 * the search drives combines across the county for a few kilograms of grain, which the road's price alone does
 * not stop once many small gains add up.
 */
public final class NearbyListMoves implements SelectionFilter<HarvestPlan, Move<HarvestPlan>> {
    /** Straight-line km, about a community's own fields: 3 km let the search add 3.5 times the road for no less cost. */
    static final double KM = 1.0;

    @Override
    public boolean accept(ScoreDirector<HarvestPlan> scoreDirector, Move<HarvestPlan> move) {
        return switch (move) {
            case SelectorBasedListChangeMove<HarvestPlan> change -> landsNearby((Chunk) change.getMovedValue(),
                    (Harvester) change.getDestinationEntity(), change.getDestinationIndex());
            case SelectorBasedListAssignMove<HarvestPlan> assign -> landsNearby((Chunk) assign.getMovedValue(),
                    (Harvester) assign.getDestinationEntity(), assign.getDestinationIndex());
            case SelectorBasedListSwapMove<HarvestPlan> swap -> near(((Chunk) swap.getLeftValue()).getPlace(),
                    ((Chunk) swap.getRightValue()).getPlace());
            default -> true;
        };
    }

    private static boolean landsNearby(Chunk moved, Harvester destination, int index) {
        List<Chunk> route = destination.getChunks();
        Place before = index == 0 ? destination.getBase() : neighbour(route, index - 1, moved);
        Place after = neighbour(route, index, moved);
        return before != null && near(before, moved.getPlace()) || after != null && near(after, moved.getPlace());
    }

    private static Place neighbour(List<Chunk> route, int index, Chunk moved) {
        return index >= 0 && index < route.size() && route.get(index) != moved ? route.get(index).getPlace() : null;
    }

    private static boolean near(Place a, Place b) {
        return a.greatCircleKm(b) <= KM;
    }
}
