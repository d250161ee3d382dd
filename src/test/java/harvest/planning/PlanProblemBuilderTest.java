package harvest.planning;

import harvest.planning.domain.Chunk;
import harvest.planning.domain.DryingCapacity;
import harvest.planning.domain.HarvestPlan;
import harvest.planning.domain.LossModel;
import harvest.planning.domain.Prices;
import harvest.planning.domain.WorkRules;
import harvest.testing.DatabaseTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The demo district, its ledgers and its storm, as the planning engine sees them. */
@MicronautTest
class PlanProblemBuilderTest extends DatabaseTest {
    private static final PlanScope STORM = PlanScope.wholeDistrict(LocalDate.parse("2023-05-28"), 12);

    @Inject
    PlanProblemBuilder builder;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("harvest.demo", "true");
    }

    @Test
    void every_field_becomes_chunks_of_at_most_forty_mu() {
        HarvestPlan plan = builder.build(STORM, WorkRules.DEFAULT, LossModel.DEFAULT, Prices.DEFAULT, null);

        Map<String, Double> areaByField = plan.getChunks().stream()
                .collect(Collectors.groupingBy(Chunk::getFieldCode, Collectors.summingDouble(Chunk::getAreaMu)));
        assertThat(areaByField).hasSize(667);
        assertThat(areaByField.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(7610.8, within(0.01));
        assertThat(plan.getChunks()).allSatisfy(chunk -> assertThat(chunk.getAreaMu()).isLessThanOrEqualTo(40));
        assertThat(plan.getChunks()).anySatisfy(chunk -> assertThat(chunk.isNeedsTeam()).isTrue());
    }

    @Test
    void combines_come_with_their_availability_and_seeders_stay_home() {
        HarvestPlan plan = builder.build(STORM, WorkRules.DEFAULT, LossModel.DEFAULT, Prices.DEFAULT, null);

        assertThat(plan.getHarvesters()).hasSize(45);
        assertThat(plan.getHarvesters()).allSatisfy(h -> assertThat(h.getAvailableUntil()).isBetween(1, 12 * 1440));
        assertThat(plan.getTeams()).hasSize(10);
    }

    @Test
    void open_yards_take_nothing_on_the_storms_wettest_day_while_dryers_work_on() {
        HarvestPlan plan = builder.build(STORM, WorkRules.DEFAULT, LossModel.DEFAULT, Prices.DEFAULT, null);

        DryingCapacity yard = plan.getDryingSites().stream().filter(s -> s.code().equals("D013")).findFirst().orElseThrow();
        DryingCapacity dryer = plan.getDryingSites().stream().filter(s -> s.code().equals("D001")).findFirst().orElseThrow();
        assertThat(yard.kgOn(1)).isZero();
        assertThat(yard.kgOn(7)).isPositive();
        assertThat(dryer.kgOn(1)).isEqualTo(73_000);
    }

}
