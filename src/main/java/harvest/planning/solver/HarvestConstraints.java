package harvest.planning.solver;

import ai.timefold.solver.core.api.score.HardSoftScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintCollectors;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;
import ai.timefold.solver.core.api.score.stream.Joiners;
import harvest.planning.domain.Chunk;
import harvest.planning.domain.DryingQueue;
import harvest.planning.domain.Horizon;
import harvest.planning.domain.Prices;

import java.util.List;

/**
 * The brief's planning rules as constraints. Wet, dry-out and night hours, ripeness and "one place at a time"
 * hold by construction (a chunk's schedule walks the workable hours after the previous job and the road);
 * what can still go wrong is hard. Everything else is one cost in fen (hundredths of a yuan): grain lost at the
 * request's grain price, road at its price per km, and the people-facing penalties at what they are worth.
 * Streams start from every chunk, unassigned ones included: a chunk without a drying site or team is still
 * a chunk to judge (plain {@code forEach} would skip it).
 */
public class HarvestConstraints implements ConstraintProvider {
    public static final String CROP_THE_MACHINE_CANNOT_HARVEST = "crop the machine cannot harvest";
    public static final String UNFINISHED_IN_TIME = "unfinished in time";
    public static final String TEAM_IN_TWO_PLACES = "team in two places";
    public static final String GRAIN_LOST_STANDING = "grain lost standing";
    public static final String GRAIN_LOST_IN_DRYING_QUEUES = "grain lost in drying queues";
    public static final String GRAIN_WITHOUT_A_DRYING_SITE = "grain without a drying site";
    public static final String HOUSEHOLD_LEFT_WITHOUT_HELP = "household left without help";
    public static final String TEAM_OUTSIDE_ITS_DAY = "team outside its day";
    public static final String ROAD_TRAVEL = "road travel";
    public static final String MOVED_FROM_THE_PUBLISHED_PLAN = "moved from the published plan";
    /** Every constraint, in the order the score explanation lists them. */
    public static final List<String> NAMES = List.of(CROP_THE_MACHINE_CANNOT_HARVEST, UNFINISHED_IN_TIME, TEAM_IN_TWO_PLACES,
            GRAIN_LOST_STANDING, GRAIN_LOST_IN_DRYING_QUEUES, GRAIN_WITHOUT_A_DRYING_SITE, HOUSEHOLD_LEFT_WITHOUT_HELP,
            TEAM_OUTSIDE_ITS_DAY, ROAD_TRAVEL, MOVED_FROM_THE_PUBLISHED_PLAN);

    /**
     * Grain cut at the horizon's end loses nothing within it but still needs a site: a yuan per chunk makes a plan
     * name one (a queue is never worse than the open, so nothing is lost by it).
     */
    static final long NO_DRYING_SITE = Prices.fen(1);
    /** A team sent where no help was asked, or to work that is never done, is a team missing elsewhere. */
    static final long TEAM_NOT_NEEDED = Prices.fen(10);

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {
                cropTheMachineCannotHarvest(factory),
                unfinishedInTime(factory),
                teamInTwoPlaces(factory),
                grainLostStanding(factory),
                grainLostInDryingQueues(factory),
                grainWithoutDryingSite(factory),
                householdLeftWithoutHelp(factory),
                teamOutsideItsDay(factory),
                roadTravel(factory),
                movedFromPublishedPlan(factory)
        };
    }

    Constraint cropTheMachineCannotHarvest(ConstraintFactory factory) {
        return factory.forEachIncludingUnassigned(Chunk.class)
                .filter(chunk -> chunk.isScheduled() && !chunk.getHarvester().canHarvest(chunk.getCrop()))
                .penalize(HardSoftScore.ONE_HARD)
                .asConstraint(CROP_THE_MACHINE_CANNOT_HARVEST);
    }

    /** Work that would end after the horizon or after the machine leaves belongs in the at-risk list instead. */
    Constraint unfinishedInTime(ConstraintFactory factory) {
        return factory.forEachIncludingUnassigned(Chunk.class)
                .filter(chunk -> chunk.isScheduled() && !chunk.isFinishedInTime())
                .penalize(HardSoftScore.ONE_HARD)
                .asConstraint(UNFINISHED_IN_TIME);
    }

    /** Penalised by the minutes a team would have to be at two households at once. */
    Constraint teamInTwoPlaces(ConstraintFactory factory) {
        return factory.forEachIncludingUnassigned(Chunk.class)
                .filter(chunk -> chunk.getTeam() != null && chunk.isFinishedInTime())
                .join(factory.forEachIncludingUnassigned(Chunk.class).filter(chunk -> chunk.getTeam() != null && chunk.isFinishedInTime()),
                        Joiners.equal(Chunk::getTeam),
                        Joiners.lessThan(Chunk::getId),
                        Joiners.overlapping(Chunk::getStart, Chunk::getEnd))
                .penalize(HardSoftScore.ONE_HARD,
                        (a, b) -> Math.min(a.getEnd(), b.getEnd()) - Math.max(a.getStart(), b.getStart()))
                .asConstraint(TEAM_IN_TWO_PLACES);
    }

    /** Ripe grain loses while it stands: until it is cut, or until the horizon ends if it is not cut in it. */
    Constraint grainLostStanding(ConstraintFactory factory) {
        return factory.forEachIncludingUnassigned(Chunk.class)
                .join(Horizon.class)
                .penalize(HardSoftScore.ONE_SOFT, (chunk, horizon) -> horizon.prices().grainFen(horizon.loss().standingKg(
                        chunk.getYieldKg(), chunk.getCalendar(), chunk.getRipeFrom(),
                        chunk.isFinishedInTime() ? chunk.getEnd() : horizon.endMinute())))
                .asConstraint(GRAIN_LOST_STANDING);
    }

    /**
     * Each site's first-come-first-served queue (rule 6), replayed whenever grain arrives, leaves or moves in
     * it: a move re-evaluates only the sites whose arrivals it changes.
     */
    Constraint grainLostInDryingQueues(ConstraintFactory factory) {
        return factory.forEachIncludingUnassigned(Chunk.class)
                .filter(chunk -> chunk.getDryingSite() != null && chunk.isFinishedInTime())
                .groupBy(Chunk::getDryingSite, ConstraintCollectors.toSortedSet(Chunk::arrival))
                .join(Horizon.class)
                .penalize(HardSoftScore.ONE_SOFT, (site, arrivals, horizon) ->
                        horizon.prices().grainFen(DryingQueue.lossKg(site, arrivals, horizon)))
                .asConstraint(GRAIN_LOST_IN_DRYING_QUEUES);
    }

    /** Harvested grain no drying site takes waits in the open until the horizon ends. */
    Constraint grainWithoutDryingSite(ConstraintFactory factory) {
        return factory.forEachIncludingUnassigned(Chunk.class)
                .filter(chunk -> chunk.isFinishedInTime() && chunk.getDryingSite() == null)
                .join(Horizon.class)
                .penalize(HardSoftScore.ONE_SOFT, (chunk, horizon) -> NO_DRYING_SITE + horizon.prices().grainFen(
                        horizon.loss().waitingKg(chunk.getYieldKg(), chunk.getEnd(), horizon.endMinute())))
                .asConstraint(GRAIN_WITHOUT_A_DRYING_SITE);
    }

    /** A labour-short or elderly household is left without help if it is not harvested with a team, or not at all. */
    Constraint householdLeftWithoutHelp(ConstraintFactory factory) {
        return factory.forEachIncludingUnassigned(Chunk.class)
                .filter(chunk -> chunk.isNeedsTeam() && !(chunk.isFinishedInTime() && chunk.getTeam() != null))
                .join(Horizon.class)
                .penalize(HardSoftScore.ONE_SOFT, (chunk, horizon) -> Prices.fen(horizon.prices().unhelpedHouseholdYuan()))
                .asConstraint(HOUSEHOLD_LEFT_WITHOUT_HELP);
    }

    /** Teams work 07:00-20:00; help asked outside that costs their evening, and help where none is needed a team. */
    Constraint teamOutsideItsDay(ConstraintFactory factory) {
        return factory.forEachIncludingUnassigned(Chunk.class)
                .filter(chunk -> chunk.getTeam() != null)
                .join(Horizon.class)
                .penalize(HardSoftScore.ONE_SOFT, (chunk, horizon) -> !chunk.isNeedsTeam() || !chunk.isFinishedInTime()
                        ? TEAM_NOT_NEEDED
                        : Prices.fen(horizon.prices().teamOutsideItsDayYuanPerHour()
                        * chunk.getRules().minutesOutsideTeamDay(chunk.getStart(), chunk.getEnd()) / 60.0))
                .asConstraint(TEAM_OUTSIDE_ITS_DAY);
    }

    Constraint roadTravel(ConstraintFactory factory) {
        return factory.forEachIncludingUnassigned(Chunk.class)
                .filter(Chunk::isScheduled)
                .join(Horizon.class)
                .penalize(HardSoftScore.ONE_SOFT, (chunk, horizon) -> horizon.prices().roadFen(chunk.getRoadKm()))
                .asConstraint(ROAD_TRAVEL);
    }

    /**
     * Farmers and operators have been told the published plan: a revision moves a job only when that saves
     * more grain and road than the change costs.
     */
    Constraint movedFromPublishedPlan(ConstraintFactory factory) {
        return factory.forEachIncludingUnassigned(Chunk.class)
                .filter(Chunk::isMovedFromPublished)
                .join(Horizon.class)
                .penalize(HardSoftScore.ONE_SOFT, (chunk, horizon) -> Prices.fen(horizon.prices().movedJobYuan()))
                .asConstraint(MOVED_FROM_THE_PUBLISHED_PLAN);
    }
}
