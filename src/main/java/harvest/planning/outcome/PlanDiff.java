package harvest.planning.outcome;

import harvest.planning.Assignment;
import harvest.planning.AssignmentStatus;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A revision against the plan it revises: new jobs, jobs on another combine, jobs on the same combine an hour
 * or more earlier or later, and jobs dropped (work reported done is not dropped, it is finished). Only the people in these lists need to hear about it.
 */
@Serdeable
@Schema(name = "PlanDiff")
public record PlanDiff(List<Change> added, List<Change> moved, List<Change> rescheduled, List<Change> cancelled, int unchanged) {
    private static final Duration NOTICEABLE = Duration.ofHours(1);

    @Serdeable
    @Schema(name = "AssignmentChange")
    public record Change(String chunkId, String fieldCode, @Nullable String fromMachine, @Nullable String toMachine,
                         @Nullable OffsetDateTime fromStart, @Nullable OffsetDateTime toStart) {
    }

    public static PlanDiff between(List<Assignment> before, List<Assignment> after) {
        Map<String, Assignment> old = before.stream().collect(Collectors.toMap(Assignment::chunkId, Function.identity()));
        Map<String, Assignment> now = after.stream().collect(Collectors.toMap(Assignment::chunkId, Function.identity()));
        List<Change> added = new ArrayList<>();
        List<Change> moved = new ArrayList<>();
        List<Change> rescheduled = new ArrayList<>();
        int unchanged = 0;
        for (Assignment a : after) {
            Assignment b = old.get(a.chunkId());
            if (b == null) {
                added.add(new Change(a.chunkId(), a.fieldCode(), null, a.machineCode(), null, a.start()));
            } else if (!b.machineCode().equals(a.machineCode())) {
                moved.add(change(b, a));
            } else if (Duration.between(b.start(), a.start()).abs().compareTo(NOTICEABLE) >= 0) {
                rescheduled.add(change(b, a));
            } else {
                unchanged++;
            }
        }
        List<Change> cancelled = before.stream()
                .filter(b -> !now.containsKey(b.chunkId()) && b.status() != AssignmentStatus.DONE)
                .map(b -> new Change(b.chunkId(), b.fieldCode(), b.machineCode(), null, b.start(), null)).toList();
        return new PlanDiff(added, moved, rescheduled, cancelled, unchanged);
    }

    private static Change change(Assignment from, Assignment to) {
        return new Change(to.chunkId(), to.fieldCode(), from.machineCode(), to.machineCode(), from.start(), to.start());
    }
}
