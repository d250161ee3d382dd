package harvest.planning;

import harvest.system.web.CachedRead;
import harvest.ledger.sheet.CsvDownload;
import harvest.ledger.sheet.CsvSheets;
import harvest.ledger.sheet.SheetFormat;
import harvest.planning.outcome.FieldRisk;
import harvest.planning.outcome.PlanOutcome;
import harvest.security.Access;
import harvest.system.Roles;
import harvest.system.problem.ProblemException;
import harvest.system.problem.ProblemResponses;
import harvest.system.problem.TooManyRequests;
import harvest.system.problem.ProblemType;
import harvest.system.web.PageResponse;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.net.URI;
import java.util.List;
import java.util.stream.Stream;

@Secured(Roles.VIEWER)
@SecurityRequirement(name = "bearer")
@Controller("/api/v1/plans")
@Tag(name = "plans")
@ProblemResponses
class PlanController {
    private static final List<String> CSV_HEADERS = List.of("machine_code", "sequence", "field_code", "chunk_id", "start", "end",
            "area_mu", "yield_kg", "drying_site_code", "team_code", "travel_km", "status");

    private final PlanSolving solving;
    private final PlanStore plans;
    private final AssignmentStore assignments;
    private final PlanPublication publication;
    private final NavigableJobs navigable;
    private final Access access;

    public PlanController(PlanSolving solving, PlanStore plans, AssignmentStore assignments, PlanPublication publication,
                          NavigableJobs navigable, Access access) {
        this.solving = solving;
        this.plans = plans;
        this.assignments = assignments;
        this.publication = publication;
        this.navigable = navigable;
        this.access = access;
    }

    @Secured(Roles.DISPATCHER)
    @Post
    @Operation(operationId = "createPlan", summary = "Ask for a plan; it is solved in the background (poll the Location; 429 when every solver is busy)")
    @Status(HttpStatus.ACCEPTED)
    @Queued
    @TooManyRequests
    public HttpResponse<Plan> create(@Body @Valid PlanRequest request) {
        return accepted(solving.submit(request));
    }

    @Get
    @Operation(operationId = "listPlans", summary = "Plans, newest first, without their outcomes")
    public PageResponse<Plan> list(@Nullable @QueryValue PlanState state, @Nullable @QueryValue Publication publication,
                                   @QueryValue(defaultValue = "0") @Min(0) int page,
                                   @QueryValue(defaultValue = "20") @Min(1) @Max(200) int size) {
        List<Plan> items = plans.list(state, publication, page, size).stream().map(Plan::summary).toList();
        return PageResponse.of(items, page, size, plans.count(state, publication));
    }

    @Get("/{id}")
    @Operation(operationId = "getPlan", summary = "A plan: its state and best score while solving; metrics, unassigned and at-risk fields, score explanation once solved")
    public Plan get(@PathVariable long id) {
        return plans.get(id);
    }

    @Secured(Roles.DISPATCHER)
    @Post("/{id}/stop")
    @Operation(operationId = "stopPlan", summary = "Stop early: a solving plan keeps the best plan found so far, a queued one fails")
    @ApiResponse(responseCode = "202", description = "Stopping", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Plan.class)))
    public HttpResponse<Plan> stop(@PathVariable long id) {
        return HttpResponse.accepted().body(solving.stop(id));
    }

    @Secured(Roles.DISPATCHER)
    @Post("/{id}/publish")
    @Operation(operationId = "publishPlan", summary = "Make a solved plan the published one; the previously published plan is superseded")
    public Plan publish(@PathVariable long id) {
        return publication.publish(id);
    }

    @Secured(Roles.DISPATCHER)
    @Post("/{id}/replan")
    @Operation(operationId = "revisePlan", summary = "Revise the published plan with the latest forecast: confirmed and started work stays pinned, changes are penalised, the outcome lists the difference")
    @Status(HttpStatus.ACCEPTED)
    @Queued
    @TooManyRequests
    public HttpResponse<Plan> replan(@PathVariable long id, @Body @Valid ReplanRequest request) {
        return accepted(solving.revise(id, request));
    }

    @Get("/{id}/assignments")
    @Operation(operationId = "listPlanAssignments", summary = "Assignments in itinerary order, optionally for one combine or one field")
    public List<Assignment> assignments(@PathVariable long id, @Nullable @QueryValue String machine, @Nullable @QueryValue String field) {
        solved(id);
        return assignments.list(id, machine, field);
    }

    @Get(value = "/{id}/assignments/export", produces = SheetFormat.CSV_TYPE)
    @Operation(operationId = "exportPlanAssignments", summary = "The assignments as CSV, for a spreadsheet or the printed dispatch sheet")
    @CsvDownload
    public HttpResponse<byte[]> export(@PathVariable long id) {
        solved(id);
        List<List<String>> rows = this.assignments.list(id, null, null).stream().map(a -> Stream.of(a.machineCode(),
                a.sequence(), a.fieldCode(), a.chunkId(), a.start(), a.end(), a.areaMu(), a.yieldKg(), a.dryingSiteCode(),
                a.teamCode(), a.travelKm(), a.status()).map(v -> v == null ? "" : v.toString()).toList()).toList();
        return HttpResponse.ok(CsvSheets.write(CSV_HEADERS, rows))
                .contentType(SheetFormat.CSV_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"plan-" + id + ".csv\"");
    }

    @Secured({Roles.VIEWER, Roles.OPERATOR})
    @CachedRead
    @Get("/{id}/machines/{code}")
    @Operation(operationId = "getMachineItinerary", summary = "One combine's itinerary, and its jobs by day with where and who each is")
    public Itinerary machine(@PathVariable long id, @PathVariable String code) {
        access.requireMachine(code);
        shown(id);
        List<Assignment> assignments = this.assignments.list(id, code, null);
        if (assignments.isEmpty()) {
            throw ProblemException.notFound("combine " + code + " in plan " + id);
        }
        return Itinerary.of(code, assignments, navigable.byDay(assignments));
    }

    @Secured({Roles.VIEWER, Roles.FARMER})
    @CachedRead
    @Get("/{id}/fields/{code}")
    @Operation(operationId = "getFieldPlan", summary = "One field: who harvests it when, and any part left out or at risk")
    public FieldPlan field(@PathVariable long id, @PathVariable String code) {
        access.requireField(code);
        PlanOutcome outcome = shown(id).outcome();
        List<Assignment> assignments = this.assignments.list(id, null, code);
        List<FieldRisk> unassigned = ofField(outcome.unassigned(), code);
        List<FieldRisk> atRisk = ofField(outcome.atRisk(), code);
        if (assignments.isEmpty() && unassigned.isEmpty()) {
            throw ProblemException.notFound("field " + code + " in plan " + id);
        }
        return new FieldPlan(code, Assignment.totalAreaMu(assignments), assignments, unassigned, atRisk, navigable.byDay(assignments));
    }

    @Secured({Roles.VIEWER, Roles.TEAM_LEADER})
    @CachedRead
    @Get("/{id}/teams/{code}")
    @Operation(operationId = "getTeamTasks", summary = "One volunteer team's tasks: the jobs it helps with, in time order, each with its day, where and who")
    public List<NavigableJob> team(@PathVariable long id, @PathVariable String code) {
        access.requireTeam(code);
        shown(id);
        List<Assignment> tasks = assignments.teamTasks(id, code);
        if (tasks.isEmpty()) {
            throw ProblemException.notFound("team " + code + " in plan " + id);
        }
        return navigable.of(tasks);
    }

    /** A solved plan as one person's view shows it: the app shows people only the plan they work to. */
    private Plan shown(long id) {
        Plan plan = solved(id);
        if (access.appUser().isPresent() && plan.publication() != Publication.PUBLISHED) {
            throw new ProblemException(ProblemType.FORBIDDEN, "plan " + id + " is not the published plan, the only one the app shows");
        }
        return plan;
    }

    private Plan solved(long id) {
        Plan plan = plans.get(id);
        if (plan.state() != PlanState.SOLVED) {
            throw new ProblemException(ProblemType.PLAN_NOT_SOLVED, "plan " + id + " is " + plan.state() + "; it has no assignments yet");
        }
        return plan;
    }

    private static List<FieldRisk> ofField(List<FieldRisk> risks, String code) {
        return risks.stream().filter(r -> r.fieldCode().equals(code)).toList();
    }

    private static HttpResponse<Plan> accepted(Plan plan) {
        return HttpResponse.<Plan>status(HttpStatus.ACCEPTED).body(plan).headers(h -> h.location(URI.create("/api/v1/plans/" + plan.id())));
    }
}
