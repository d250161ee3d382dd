package harvest.dispatch;

import harvest.audit.AuditLog;
import harvest.audit.AuditedEntity;
import harvest.field.Field;
import harvest.field.FieldLedger;
import harvest.field.FieldStatus;
import harvest.machine.MachineBreakdowns;
import harvest.planning.Assignment;
import harvest.planning.AssignmentStatus;
import harvest.planning.AssignmentStore;
import harvest.system.problem.ProblemException;
import harvest.system.problem.ProblemType;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The published plan's assignments as the work goes: the only way their status, progress and results change,
 * whether a dispatcher calls the API or an operator texts. The field follows its chunks: the first one started
 * makes it HARVESTING, and it is HARVESTED once its finished chunks, in whichever plans, cover it.
 */
@Singleton
public class AssignmentWork {
    /** A field's measured area may differ a little from the ledger's; more than this is a typing error. */
    static final double AREA_TOLERANCE = 1.2;
    /** The ledger's ceiling on expected yield (2,000 kg/mu). */
    static final double MAX_TONNES_PER_MU = 2.0;

    private final AssignmentStore assignments;
    private final WorkLog log;
    private final FieldLedger fields;
    private final MachineBreakdowns breakdowns;
    private final Clock clock;
    private final AuditLog audit;

    public AssignmentWork(AssignmentStore assignments, WorkLog log, FieldLedger fields, MachineBreakdowns breakdowns, Clock clock, AuditLog audit) {
        this.audit = audit;
        this.assignments = assignments;
        this.log = log;
        this.fields = fields;
        this.breakdowns = breakdowns;
        this.clock = clock;
    }

    /** Any legal move but DONE, which needs the results ({@link #finish}). */
    @Transactional
    public Assignment move(long planId, String chunkId, AssignmentStatus next) {
        if (next == AssignmentStatus.DONE) {
            throw ProblemException.invalid("status", "DONE needs the mu and tonnes harvested: finish the assignment instead");
        }
        return transition(planId, assignments.lockPublished(planId, chunkId), next);
    }

    /** The operator has harvested {@code doneMu} of the chunk so far. */
    @Transactional
    public Assignment progress(long planId, String chunkId, double doneMu) {
        Assignment current = inProgress(planId, chunkId, "reporting progress");
        requireArea("doneMu", doneMu, current);
        log.progress(planId, current, doneMu - current.doneMu(), clock.instant());
        return audited("progress reported", current, reread(planId, current));
    }

    /** The chunk is harvested: {@code actualMu} in all and {@code tonnes} of grain off it. */
    @Transactional
    public Assignment finish(long planId, String chunkId, double actualMu, double tonnes) {
        Assignment current = inProgress(planId, chunkId, "finishing");
        requireArea("actualMu", actualMu, current);
        if (tonnes > actualMu * MAX_TONNES_PER_MU) {
            throw ProblemException.invalid("tonnes", "is " + tonnes + " t off " + actualMu + " mu, more than "
                    + MAX_TONNES_PER_MU + " t a mu any wheat yields");
        }
        log.finished(planId, current, actualMu - current.doneMu(), tonnes, clock.instant());
        return transition(planId, current, AssignmentStatus.DONE);
    }

    /** Reports the assignment's combine broken; the breakdown fails its work in progress and flags the rest. */
    @Transactional
    public Assignment breakdown(long planId, String chunkId) {
        Assignment current = assignments.lockPublished(planId, chunkId);
        breakdowns.report(current.machineCode());
        return reread(planId, current);
    }

    /** The provider took an operator's text about these chunks: they are NOTIFIED. */
    @Transactional
    public void notified(long planId, List<String> chunkIds) {
        audited(planId, chunkIds, "notified", () -> assignments.notified(planId, chunkIds));
    }

    /** Puts published work in question for the next revision. */
    @Transactional
    public void flag(long planId, List<String> chunkIds, String why) {
        audited(planId, chunkIds, "flagged for re-planning: " + why, () -> {
            assignments.flag(planId, chunkIds);
            return chunkIds;
        });
    }

    /** Runs a bulk change and records each assignment it changed, before and after. */
    private void audited(long planId, List<String> chunkIds, String action, Supplier<List<String>> change) {
        Map<String, Assignment> before = assignments.list(planId, chunkIds).stream()
                .collect(Collectors.toMap(Assignment::chunkId, Function.identity()));
        List<String> changed = change.get();
        audit.recordAll(assignments.list(planId, changed).stream()
                .map(a -> new AuditLog.Change(AuditedEntity.ASSIGNMENT, a.chunkId(), action, before.get(a.chunkId()), a)).toList());
    }

    Assignment transition(long planId, Assignment current, AssignmentStatus next) {
        if (!current.status().canBecome(next)) {
            throw new ProblemException(ProblemType.ILLEGAL_TRANSITION, "assignment " + current.chunkId() + " is " + current.status()
                    + " and cannot become " + next + "; allowed next: " + current.status().next());
        }
        assignments.setStatus(planId, current.chunkId(), next);
        if (next == AssignmentStatus.IN_PROGRESS || next == AssignmentStatus.DONE) {
            followField(current.fieldCode(), next);
        }
        return audited("status changed", current, reread(planId, current));
    }

    /** The first chunk started makes the field HARVESTING; the one whose finishing covers it, HARVESTED. */
    private void followField(String code, AssignmentStatus chunk) {
        Field field = fields.getByCode(code);
        if (chunk == AssignmentStatus.IN_PROGRESS && field.status() == FieldStatus.SCHEDULED) {
            fields.workMoved(field, FieldStatus.HARVESTING);
        } else if (chunk == AssignmentStatus.DONE && field.status() == FieldStatus.HARVESTING
                && log.covers(field.code(), field.areaMu().doubleValue())) {
            fields.workMoved(field, FieldStatus.HARVESTED);
        }
    }

    private Assignment inProgress(long planId, String chunkId, String doing) {
        Assignment current = assignments.lockPublished(planId, chunkId);
        if (current.status() != AssignmentStatus.IN_PROGRESS) {
            throw new ProblemException(ProblemType.ILLEGAL_TRANSITION, "assignment " + chunkId + " is " + current.status()
                    + "; it must be IN_PROGRESS before " + doing);
        }
        return current;
    }

    private static void requireArea(String property, double mu, Assignment current) {
        if (mu < current.doneMu()) {
            throw ProblemException.invalid(property, "is " + mu + " mu, less than the " + current.doneMu() + " mu already reported");
        }
        if (mu > current.areaMu() * AREA_TOLERANCE) {
            throw ProblemException.invalid(property, "is " + mu + " mu, more than the chunk's " + current.areaMu() + " mu allows");
        }
    }

    private Assignment audited(String action, Assignment before, Assignment after) {
        audit.record(AuditedEntity.ASSIGNMENT, after.chunkId(), action, before, after);
        return after;
    }

    private Assignment reread(long planId, Assignment current) {
        return assignments.list(planId, List.of(current.chunkId())).getFirst();
    }
}
