package harvest.planning.solver;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintCollectors;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;
import ai.timefold.solver.core.api.score.stream.Joiners;
import harvest.planning.domain.Chunk;
import harvest.planning.domain.Horizon;

import java.util.List;

/**
 * The brief's planning rules as constraints. Wet, dry-out and night hours, ripeness and "one place at a time"
 * hold by construction (a chunk's schedule walks the workable hours after the previous job and the road);
 * what can still go wrong is scored here. Loss is counted in tenths of a kilogram, travel in metres.
 * Streams start from every chunk, unassigned ones included: a chunk without a drying site or team is still
 * a chunk to judge (plain {@code forEach} would skip it).
 */
public class HarvestConstraints implements ConstraintProvider {
    public static final String CROP_THE_MACHINE_CANNOT_HARVEST = "crop the machine cannot harvest";
    public static final String UNFINISHED_IN_TIME = "unfinished in time";
    public static final String DRYING_SITE_OVER_CAPACITY = "drying site over capacity";
    public static final String TEAM_IN_TWO_PLACES = "team in two places";
    public static final String GRAIN_LOST_STANDING = "grain lost standing";
    public static final String GRAIN_LOST_WAITING = "grain lost waiting";
    public static final String GRAIN_WITHOUT_A_DRYING_SITE = "grain without a drying site";
    public static final String HOUSEHOLD_LEFT_WITHOUT_HELP = "household left without help";
    public static final String TEAM_OUTSIDE_ITS_DAY = "team outside its day";
    public static final String ROAD_TRAVEL = "road travel";
    public static final String MOVED_FROM_THE_PUBLISHED_PLAN = "moved from the published plan";
    /** Every constraint, in the order the score explanation lists them. */
    public static final List<String> NAMES = List.of(CROP_THE_MACHINE_CANNOT_HARVEST, UNFINISHED_IN_TIME, DRYING_SITE_OVER_CAPACITY, TEAM_IN_TWO_PLACES, GRAIN_LOST_STANDING, GRAIN_LOST_WAITING, GRAIN_WITHOUT_A_DRYING_SITE, HOUSEHOLD_LEFT_WITHOUT_HELP, TEAM_OUTSIDE_ITS_DAY, ROAD_TRAVEL, MOVED_FROM_THE_PUBLISHED_PLAN);

    /** A labour-short or elderly household harvested without a team weighs as much as 20 kg of lost grain. */
    static final long UNHELPED_HOUSEHOLD = 200;
    /** Harvested grain with nowhere to dry weighs at least 1 kg, so a site is chosen whenever one has room. */
    static final long NO_DRYING_SITE = 10;
    /**
     * Moving a published job to another combine (or dropping it) weighs as much as a tonne of lost grain: each
     * move means texts to two operators and a farmer who had planned their day, so a revision moves work where
     * the weather forces it or a tonne is saved, not to polish the last kilograms.
     */
    static final long MOVED_FROM_PUBLISHED = 10_000;

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {
                cropTheMachineCannotHarvest(factory),
                unfinishedInTime(factory),
                dryingSiteOverCapacity(factory),
                teamInTwoPlaces(factory),
                grainLostStanding(factory),
                grainLostWaiting(factory),
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
                .penalize(HardMediumSoftScore.ONE_HARD)
                .asConstraint(CROP_THE_MACHINE_CANNOT_HARVEST);
    }

    /** Work that would end after the horizon or after the machine leaves belongs in the at-risk list instead. */
    Constraint unfinishedInTime(ConstraintFactory factory) {
        return factory.forEachIncludingUnassigned(Chunk.class)
                .filter(chunk -> chunk.isScheduled() && !chunk.isFinishedInTime())
                .penalize(HardMediumSoftScore.ONE_HARD)
                .asConstraint(UNFINISHED_IN_TIME);
    }

    /** Penalised by the tonnes (rounded up) a site is asked to take beyond its capacity that day. */
    Constraint dryingSiteOverCapacity(ConstraintFactory factory) {
        return factory.forEachIncludingUnassigned(Chunk.class)
                .filter(chunk -> chunk.getDryingSite() != null && chunk.isFinishedInTime())
                .groupBy(Chunk::getDryingSite, Chunk::harvestDay, ConstraintCollectors.sum(chunk -> Math.round(chunk.getYieldKg())))
                .filter((site, day, kg) -> kg > site.kgOn(day))
                .penalize(HardMediumSoftScore.ONE_HARD, (site, day, kg) -> (kg - site.kgOn(day) + 999) / 1000)
                .asConstraint(DRYING_SITE_OVER_CAPACITY);
    }

    /** Penalised by the minutes a team would have to be at two households at once. */
    Constraint teamInTwoPlaces(ConstraintFactory factory) {
        return factory.forEachIncludingUnassigned(Chunk.class)
                .filter(chunk -> chunk.getTeam() != null && chunk.isFinishedInTime())
                .join(factory.forEachIncludingUnassigned(Chunk.class).filter(chunk -> chunk.getTeam() != null && chunk.isFinishedInTime()),
                        Joiners.equal(Chunk::getTeam),
                        Joiners.lessThan(Chunk::getId),
                        Joiners.overlapping(Chunk::getStart, Chunk::getEnd))
                .penalize(HardMediumSoftScore.ONE_HARD,
                        (a, b) -> Math.min(a.getEnd(), b.getEnd()) - Math.max(a.getStart(), b.getStart()))
                .asConstraint(TEAM_IN_TWO_PLACES);
    }

    /** Ripe wheat standing until it is cut, or until the horizon ends if it is not. */
    Constraint grainLostStanding(ConstraintFactory factory) {
        return factory.forEachIncludingUnassigned(Chunk.class)
                .join(Horizon.class)
                .penalize(HardMediumSoftScore.ONE_MEDIUM, (chunk, horizon) -> tenthsOfKg(horizon.loss().standingKg(
                        chunk.getYieldKg(), chunk.getCalendar(), chunk.getRipeFrom(),
                        chunk.isFinishedInTime() ? chunk.getEnd() : horizon.endMinute())))
                .asConstraint(GRAIN_LOST_STANDING);
    }

    /** Harvested grain no drying site takes waits in the open until the horizon ends. */
    Constraint grainLostWaiting(ConstraintFactory factory) {
        return factory.forEachIncludingUnassigned(Chunk.class)
                .filter(chunk -> chunk.isFinishedInTime() && chunk.getDryingSite() == null)
                .join(Horizon.class)
                .penalize(HardMediumSoftScore.ONE_MEDIUM, (chunk, horizon) -> tenthsOfKg(horizon.loss().waitingKg(
                        chunk.getYieldKg(), chunk.getEnd(), horizon.endMinute())))
                .asConstraint(GRAIN_LOST_WAITING);
    }

    /**
     * Grain harvested near the horizon's end loses nothing within it, but still needs a site: without this a
     * plan could leave those chunks' sites empty at no cost.
     */
    Constraint grainWithoutDryingSite(ConstraintFactory factory) {
        return factory.forEachIncludingUnassigned(Chunk.class)
                .filter(chunk -> chunk.isFinishedInTime() && chunk.getDryingSite() == null)
                .penalize(HardMediumSoftScore.ONE_MEDIUM, chunk -> NO_DRYING_SITE)
                .asConstraint(GRAIN_WITHOUT_A_DRYING_SITE);
    }

    /** A labour-short or elderly household is left without help if it is not harvested with a team, or not at all. */
    Constraint householdLeftWithoutHelp(ConstraintFactory factory) {
        return factory.forEachIncludingUnassigned(Chunk.class)
                .filter(chunk -> chunk.isNeedsTeam() && !(chunk.isFinishedInTime() && chunk.getTeam() != null))
                .penalize(HardMediumSoftScore.ONE_MEDIUM, chunk -> UNHELPED_HOUSEHOLD)
                .asConstraint(HOUSEHOLD_LEFT_WITHOUT_HELP);
    }

    /** Teams work 07:00-20:00; help asked outside that, or where none is needed, costs a little. */
    Constraint teamOutsideItsDay(ConstraintFactory factory) {
        return factory.forEachIncludingUnassigned(Chunk.class)
                .filter(chunk -> chunk.getTeam() != null)
                .penalize(HardMediumSoftScore.ONE_SOFT, chunk -> !chunk.isNeedsTeam() || !chunk.isFinishedInTime()
                        ? 1000
                        : chunk.getRules().minutesOutsideTeamDay(chunk.getStart(), chunk.getEnd()))
                .asConstraint(TEAM_OUTSIDE_ITS_DAY);
    }

    Constraint roadTravel(ConstraintFactory factory) {
        return factory.forEachIncludingUnassigned(Chunk.class)
                .filter(Chunk::isScheduled)
                .penalize(HardMediumSoftScore.ONE_SOFT, chunk -> Math.round(chunk.getRoadKm() * 1000))
                .asConstraint(ROAD_TRAVEL);
    }

    /**
     * Farmers and operators have been told the published plan: a revision moves a job only when that saves
     * grain or more road than the change costs.
     */
    Constraint movedFromPublishedPlan(ConstraintFactory factory) {
        return factory.forEachIncludingUnassigned(Chunk.class)
                .filter(Chunk::isMovedFromPublished)
                .penalize(HardMediumSoftScore.ONE_MEDIUM, chunk -> MOVED_FROM_PUBLISHED)
                .asConstraint(MOVED_FROM_THE_PUBLISHED_PLAN);
    }

    private static long tenthsOfKg(double kg) {
        return Math.round(kg * 10);
    }
}
