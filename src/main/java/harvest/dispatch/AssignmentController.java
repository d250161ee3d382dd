package harvest.dispatch;

import harvest.planning.Assignment;
import harvest.planning.AssignmentStatus;
import harvest.security.Access;
import harvest.system.Roles;
import harvest.system.problem.ProblemException;
import harvest.system.problem.ProblemResponses;
import harvest.system.problem.ProblemType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import java.util.Set;

/** The published plan's work as it happens; a split field's part is FIELD#n, sent as FIELD%23n. */
@Secured({Roles.DISPATCHER, Roles.OPERATOR})
@SecurityRequirement(name = "bearer")
@Controller("/api/v1/plans/{id}/assignments/{chunkId}")
@Tag(name = "dispatch")
@ProblemResponses
class AssignmentController {
    /** What an operator may move their own job to from the app; the rest of the lifecycle is the dispatcher's. */
    private static final Set<AssignmentStatus> OPERATOR_MOVES = Set.of(AssignmentStatus.CONFIRMED, AssignmentStatus.IN_PROGRESS);

    private final AssignmentWork work;
    private final Access access;

    public AssignmentController(AssignmentWork work, Access access) {
        this.work = work;
        this.access = access;
    }

    @Post("/status")
    @Operation(operationId = "changeAssignmentStatus",
            summary = "Move an assignment of the published plan: NOTIFIED, CONFIRMED, IN_PROGRESS, CANCELLED or FAILED (DONE is /finish)")
    public Assignment changeStatus(@PathVariable long id, @PathVariable String chunkId, @Body @Valid AssignmentStatusChange body) {
        access.requireAssignment(id, chunkId);
        if (access.appUser().isPresent() && !OPERATOR_MOVES.contains(body.status())) {
            throw new ProblemException(ProblemType.FORBIDDEN, "an operator confirms and starts jobs; calling one off is the dispatcher's"
                    + " decision, and a breakdown is reported at /breakdown");
        }
        return work.move(id, chunkId, body.status());
    }

    @Post("/progress")
    @Operation(operationId = "reportAssignmentProgress", summary = "Report the mu harvested so far on work in progress")
    public Assignment progress(@PathVariable long id, @PathVariable String chunkId, @Body @Valid ProgressReport body) {
        access.requireAssignment(id, chunkId);
        return work.progress(id, chunkId, body.doneMu());
    }

    @Post("/finish")
    @Operation(operationId = "finishAssignment", summary = "Report work in progress DONE with the mu and tonnes actually harvested")
    public Assignment finish(@PathVariable long id, @PathVariable String chunkId, @Body @Valid FinishReport body) {
        access.requireAssignment(id, chunkId);
        return work.finish(id, chunkId, body.actualMu(), body.tonnes());
    }

    @Post("/breakdown")
    @Operation(operationId = "reportAssignmentBreakdown",
            summary = "Report the assignment's combine broken: its work in progress fails, the rest is flagged and a draft re-plan follows")
    public Assignment breakdown(@PathVariable long id, @PathVariable String chunkId) {
        access.requireAssignment(id, chunkId);
        return work.breakdown(id, chunkId);
    }
}
