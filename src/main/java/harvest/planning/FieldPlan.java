package harvest.planning;

import harvest.planning.outcome.FieldRisk;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * One field in a plan: what the farmer is told, and whether part of it is left out or at risk.
 *
 * @param days The assignments by the day they start, with where and who each is, to navigate by
 */
@Serdeable
@Schema(name = "FieldPlan")
public record FieldPlan(String fieldCode, double plannedMu, List<Assignment> assignments, List<FieldRisk> unassigned,
                        List<FieldRisk> atRisk, List<JobDay> days) {
}
