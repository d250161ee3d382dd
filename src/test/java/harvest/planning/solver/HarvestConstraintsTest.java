package harvest.planning.solver;

import ai.timefold.solver.core.api.score.stream.test.ConstraintVerifier;
import harvest.planning.domain.Chunk;
import harvest.planning.domain.HarvestPlan;
import harvest.planning.domain.Harvester;
import harvest.planning.domain.Place;
import harvest.planning.domain.Prices;
import harvest.planning.domain.WorkRules;
import org.junit.jupiter.api.Test;

import java.util.List;

import static harvest.planning.solver.Plans.calendar;
import static harvest.planning.solver.Plans.chunk;
import static harvest.planning.solver.Plans.harvester;
import static harvest.planning.solver.Plans.plan;
import static harvest.planning.solver.Plans.route;
import static harvest.planning.solver.Plans.site;
import static harvest.planning.solver.Plans.team;

/** Each constraint on its own, the way Timefold's ConstraintVerifier tests read; penalties are in fen (yuan / 100). */
class HarvestConstraintsTest {
    private static long fen(double kgOfGrain) {
        return Prices.DEFAULT.grainFen(kgOfGrain);
    }

    private final ConstraintVerifier<HarvestConstraints, HarvestPlan> verifier =
            ConstraintVerifier.build(new HarvestConstraints(), HarvestPlan.class, Harvester.class, Chunk.class);

    @Test
    void a_machine_may_only_harvest_crops_it_lists() {
        Chunk wheat = chunk("W", 10);
        Chunk corn = new Chunk("K", "F-K", "CORN", 10, 5000, Plans.BASE, 0, false, Plans.dryDays(), WorkRules.DEFAULT);

        verifier.verifyThat(HarvestConstraints::cropTheMachineCannotHarvest)
                .givenSolution(plan(List.of(route(harvester("H1"), wheat, corn)), List.of(wheat, corn), List.of(), List.of()))
                .settingAllShadowVariables()
                .penalizesBy(1);
    }

    @Test
    void work_must_end_inside_the_horizon_and_the_machines_stay() {
        Chunk tooBig = chunk("BIG", 400);
        Chunk small = chunk("S", 10);
        Chunk afterLeaving = chunk("L", 10);
        Harvester leavingEarly = new Harvester("H2", 10, java.util.Set.of("WHEAT"), Plans.BASE, 0, 7 * 60);

        verifier.verifyThat(HarvestConstraints::unfinishedInTime)
                .givenSolution(plan(List.of(route(harvester("H1"), small, tooBig), route(leavingEarly, afterLeaving)),
                        List.of(tooBig, small, afterLeaving), List.of(), List.of()))
                .settingAllShadowVariables()
                .penalizesBy(2);
    }

    @Test
    void a_drying_site_dries_its_capacity_a_day_first_come_first_served_and_the_rest_queues() {
        Chunk first = chunk("A", 10);
        Chunk second = chunk("B", 10);
        Chunk third = chunk("C", 10);
        var site = site("D1", 5_000);
        List.of(first, second, third).forEach(chunk -> chunk.setDryingSite(site));

        // cut 07:15, 08:30 and 09:45 on day 0, 5,000 kg each; the site dries 5,000 kg a day, done at noon.
        // A dries on day 0. B waits for day 1's noon: 27.5 h, 3.5 h past the grace day, 1.5 %/day = 10.9375 kg.
        // C finds day 1 taken too and waits to the horizon's end: 38.25 h, 14.25 h past grace = 44.53125 kg.
        verifier.verifyThat(HarvestConstraints::grainLostInDryingQueues)
                .givenSolution(plan(List.of(route(harvester("H1"), first, second, third)), List.of(first, second, third),
                        List.of(site), List.of()))
                .settingAllShadowVariables()
                .penalizesBy(fen(10.9375 + 44.53125));
    }

    @Test
    void grain_that_reaches_a_queue_with_room_within_a_day_loses_nothing() {
        Chunk first = chunk("A", 10);
        Chunk second = chunk("B", 10);
        var roomy = site("D1", 10_000);
        first.setDryingSite(roomy);
        second.setDryingSite(roomy);

        verifier.verifyThat(HarvestConstraints::grainLostInDryingQueues)
                .givenSolution(plan(List.of(route(harvester("H1"), first, second)), List.of(first, second), List.of(roomy), List.of()))
                .settingAllShadowVariables()
                .penalizesBy(0);
    }

    @Test
    void a_team_is_at_one_household_at_a_time() {
        Chunk first = chunk("A", 10);
        Chunk second = chunk("B", 10);
        Chunk later = chunk("C", 10);
        var team = team("T1");
        first.setTeam(team);
        second.setTeam(team);
        later.setTeam(team);

        verifier.verifyThat(HarvestConstraints::teamInTwoPlaces)
                .givenSolution(plan(List.of(route(harvester("H1"), first, later), route(harvester("H2"), second)),
                        List.of(first, second, later), List.of(), List.of(team)))
                .settingAllShadowVariables()
                .penalizesBy(75);
    }

    @Test
    void ripe_wheat_loses_grain_while_it_stands_and_until_the_horizon_if_never_cut() {
        Chunk cut = chunk("CUT", 10);
        Chunk standing = chunk("STAND", 10, calendar(0, 1, 2, 3, 4, 5), false);

        // cut at 07:15: 7.25 dry hours, 0.5 %/day of 5,000 kg = 7.55 kg; standing 48 h, 6 of them wet:
        // 0.5 % x 42/24 + 0.1 % x 6 = 1.475 % of 5,000 kg = 73.75 kg; each at 2.4 yuan/kg, in fen
        verifier.verifyThat(HarvestConstraints::grainLostStanding)
                .givenSolution(plan(List.of(route(harvester("H1"), cut)), List.of(cut, standing), List.of(), List.of()))
                .settingAllShadowVariables()
                .penalizesBy(fen(5_000 * 0.005 * 7.25 / 24) + fen(5_000 * (0.005 * 42 / 24 + 0.001 * 6)));
    }

    @Test
    void standing_loss_stops_at_thirty_percent() {
        Chunk longRipe = new Chunk("OLD", "F-OLD", "WHEAT", 10, 5000, Plans.BASE, -100 * 1440, false, Plans.dryDays(), WorkRules.DEFAULT);

        verifier.verifyThat(HarvestConstraints::grainLostStanding)
                .givenSolution(plan(List.of(harvester("H1")), List.of(longRipe), List.of(), List.of()))
                .settingAllShadowVariables()
                .penalizesBy(fen(1_500));
    }

    @Test
    void labour_short_households_should_be_harvested_with_a_team() {
        Chunk alone = chunk("ALONE", 10, Plans.dryDays(), true);
        Chunk helped = chunk("HELPED", 10, Plans.dryDays(), true);
        Chunk forgotten = chunk("FORGOTTEN", 10, Plans.dryDays(), true);
        helped.setTeam(team("T1"));

        verifier.verifyThat(HarvestConstraints::householdLeftWithoutHelp)
                .givenSolution(plan(List.of(route(harvester("H1"), alone), route(harvester("H2"), helped)),
                        List.of(alone, helped, forgotten), List.of(), List.of(helped.getTeam())))
                .settingAllShadowVariables()
                .penalizesBy(2 * Prices.fen(Prices.DEFAULT.unhelpedHouseholdYuan()));
    }

    @Test
    void harvested_grain_without_a_drying_site_loses_after_a_day_in_the_open_and_costs_a_yuan_more() {
        Chunk placed = chunk("PLACED", 10);
        Chunk homeless = chunk("HOMELESS", 10);
        Chunk standing = chunk("STANDING", 10);
        placed.setDryingSite(site("D1", 100_000));

        // done at 08:30; waits 39.5 h to the horizon, 15.5 h beyond the grace day: 1.5 %/day of 5,000 kg = 48.44 kg
        verifier.verifyThat(HarvestConstraints::grainWithoutDryingSite)
                .givenSolution(plan(List.of(route(harvester("H1"), placed, homeless)), List.of(placed, homeless, standing),
                        List.of(placed.getDryingSite()), List.of()))
                .settingAllShadowVariables()
                .penalizesBy(HarvestConstraints.NO_DRYING_SITE + fen(5_000 * 0.015 * 15.5 / 24));
    }

    @Test
    void teams_work_seven_to_eight_and_only_where_help_is_needed() {
        Chunk early = chunk("EARLY", 10, Plans.dryDays(), true);
        Chunk notNeeded = chunk("FINE", 10);
        early.setTeam(team("T1"));
        notNeeded.setTeam(team("T2"));

        // 06:00-07:15 is an hour before the teams' day, at 6 yuan an hour; a team sent where none is needed costs 10 yuan
        verifier.verifyThat(HarvestConstraints::teamOutsideItsDay)
                .givenSolution(plan(List.of(route(harvester("H1"), early), route(harvester("H2"), notNeeded)),
                        List.of(early, notNeeded), List.of(), List.of(early.getTeam(), notNeeded.getTeam())))
                .settingAllShadowVariables()
                .penalizesBy(Prices.fen(6) + HarvestConstraints.TEAM_NOT_NEEDED);
    }

    @Test
    void a_field_split_in_chunks_is_set_up_once_per_machine() {
        Chunk first = new Chunk("F#1", "F", "WHEAT", 10, 5000, Plans.BASE, 0, false, Plans.dryDays(), WorkRules.DEFAULT);
        Chunk second = new Chunk("F#2", "F", "WHEAT", 10, 5000, Plans.BASE, 0, false, Plans.dryDays(), WorkRules.DEFAULT);
        Chunk other = chunk("G", 10);

        // 06:00 + 60 min work + 15 min set-up; the second half of the same field needs no set-up; a new field does
        verifier.verifyThat(HarvestConstraints::unfinishedInTime)
                .givenSolution(plan(List.of(route(harvester("H1"), first, second, other)), List.of(first, second, other),
                        List.of(), List.of()))
                .settingAllShadowVariables()
                .penalizesBy(0);
        org.assertj.core.api.Assertions.assertThat(List.of(first.getEnd(), second.getEnd(), other.getEnd()))
                .containsExactly(6 * 60 + 75, 6 * 60 + 135, 6 * 60 + 210);
    }

    @Test
    void road_travel_counts_from_the_base_and_between_jobs() {
        Place east = new Place(34.0, 113.9);
        Chunk away = new Chunk("AWAY", "F-AWAY", "WHEAT", 10, 5000, east, 0, false, Plans.dryDays(), WorkRules.DEFAULT);
        Chunk back = chunk("BACK", 10);
        long leg = Prices.DEFAULT.roadFen(WorkRules.DEFAULT.roadKm(Plans.BASE, east));

        verifier.verifyThat(HarvestConstraints::roadTravel)
                .givenSolution(plan(List.of(route(harvester("H1"), away, back)), List.of(away, back), List.of(), List.of()))
                .settingAllShadowVariables()
                .penalizesBy(2 * leg);
    }

    @Test
    void a_revision_pays_for_each_published_job_it_moves_to_another_combine_or_drops() {
        Chunk kept = chunk("KEPT", 10);
        Chunk moved = chunk("MOVED", 10);
        Chunk dropped = chunk("DROPPED", 10);
        Chunk added = chunk("NEW", 10);
        kept.setPublishedMachine("H1");
        moved.setPublishedMachine("H1");
        dropped.setPublishedMachine("H2");

        verifier.verifyThat(HarvestConstraints::movedFromPublishedPlan)
                .givenSolution(plan(List.of(route(harvester("H1"), kept, added), route(harvester("H2"), moved)),
                        List.of(kept, moved, dropped, added), List.of(), List.of()))
                .settingAllShadowVariables()
                .penalizesBy(2 * Prices.fen(Prices.DEFAULT.movedJobYuan()));
    }
}
