package harvest.planning;

import harvest.planning.outcome.PlanOutcome;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/** A plan: what was asked, how its solve is going or went, and (once solved) its outcome. */
@Serdeable
@Schema(name = "Plan")
public record Plan(
        long id,
        Strategy strategy,
        PlanState state,
        Publication publication,
        LocalDate firstDay,
        int days,
        @Nullable Set<String> communities,
        @Nullable Set<String> fields,
        @Nullable Set<String> machines,
        int timeLimitSeconds,
        RuleOverrides rules,
        @Nullable @Schema(description = "The published plan this one revises") Long revises,
        @Nullable Instant pinnedBefore,
        Instant createdAt,
        @Nullable Instant startedAt,
        @Nullable Instant finishedAt,
        @Nullable @Schema(description = "Best score found so far, or the final one") String bestScore,
        @Nullable @Schema(description = "Seconds spent solving so far, or in all") Double secondsSpent,
        boolean stoppedEarly,
        @Nullable String failure,
        @Nullable Instant publishedAt,
        @Nullable PlanOutcome outcome) {

    public PlanScope scope() {
        return new PlanScope(firstDay, days, communities, fields, machines);
    }

    static Double secondsSpent(@Nullable Instant started, @Nullable Instant finished, Instant now) {
        if (started == null) {
            return null;
        }
        return Duration.between(started, finished == null ? now : finished).toMillis() / 1000.0;
    }

    /** The plan without its outcome, for lists and the audit log. */
    public Plan summary() {
        return new Plan(id, strategy, state, publication, firstDay, days, communities, fields, machines, timeLimitSeconds,
                rules, revises, pinnedBefore, createdAt, startedAt, finishedAt, bestScore, secondsSpent, stoppedEarly, failure,
                publishedAt, null);
    }
}
