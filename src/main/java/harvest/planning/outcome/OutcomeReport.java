package harvest.planning.outcome;

import ai.timefold.solver.core.api.score.HardSoftScore;
import harvest.planning.Assignment;
import harvest.planning.AssignmentStatus;
import harvest.planning.check.PlanValidator;
import harvest.planning.domain.Chunk;
import harvest.planning.domain.DryingCapacity;
import harvest.planning.domain.DryingQueue;
import harvest.planning.domain.Horizon;
import harvest.planning.domain.HarvestPlan;
import harvest.planning.domain.Harvester;
import harvest.weather.WorkCalendar;
import harvest.system.DistrictTime;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Turns a solved plan into what the dispatcher reads: assignments with clock times, metrics, the fields left
 * out or at risk with the reason, each constraint's share of the score and the checker's verdict.
 */
public final class OutcomeReport {
    /** A planned field losing at least this share of its grain standing is flagged at risk. */
    private static final double AT_RISK_SHARE = 0.05;

    private OutcomeReport() {
    }

    public record Result(List<Assignment> assignments, PlanOutcome outcome) {
    }

    /**
     * @param statuses what the field reported on the revised plan's assignments, carried over to pinned ones
     * @param before   the revised plan's assignments, for the difference; null for a first plan
     * @param ruleOfThumb the checker's report on the rule of thumb's plan for the same problem
     */
    public static Result of(HarvestPlan plan, LocalDate firstDay, Map<String, HardSoftScore> explanation,
                            Map<String, AssignmentStatus> statuses, @Nullable List<Assignment> before,
                            PlanValidator.Report ruleOfThumb) {
        Instant start = firstDay.atStartOfDay(DistrictTime.ZONE).toInstant();
        List<Assignment> assignments = assignments(plan, start, statuses);
        PlanValidator.Report check = new PlanValidator().validate(plan);
        PlanOutcome outcome = new PlanOutcome(plan.getScore().toString(), metrics(plan, firstDay, check, assignments),
                RuleOfThumbComparison.of(check, ruleOfThumb),
                unassigned(plan), atRisk(plan), explanation.entrySet().stream()
                .map(e -> new ConstraintScore(e.getKey(), e.getValue().toString())).toList(), check.violations(),
                before == null ? null : PlanDiff.between(before, assignments));
        return new Result(assignments, outcome);
    }

    private static List<Assignment> assignments(HarvestPlan plan, Instant start, Map<String, AssignmentStatus> statuses) {
        List<Assignment> assignments = new ArrayList<>();
        for (Harvester harvester : plan.getHarvesters()) {
            int sequence = 0;
            for (Chunk chunk : harvester.getChunks()) {
                if (!chunk.isFinishedInTime()) {
                    continue;
                }
                assignments.add(new Assignment(chunk.getId(), chunk.getFieldCode(), harvester.getCode(), ++sequence,
                        DistrictTime.local(start.plusSeconds(chunk.getStart() * 60L)),
                        DistrictTime.local(start.plusSeconds(chunk.getEnd() * 60L)),
                        round(chunk.getAreaMu()), Math.round(chunk.getYieldKg() * 10) / 10.0,
                        chunk.getDryingSite() == null ? null : chunk.getDryingSite().code(),
                        chunk.getTeam() == null ? null : chunk.getTeam().code(),
                        round(chunk.getRoadKm()), chunk.isPinned() ? statuses.getOrDefault(chunk.getId(), AssignmentStatus.PLANNED)
                        : AssignmentStatus.PLANNED, 0, chunk.isPinned(), false));
            }
        }
        return assignments;
    }

    private static PlanMetrics metrics(HarvestPlan plan, LocalDate firstDay, PlanValidator.Report check, List<Assignment> assignments) {
        Map<LocalDate, Double> muPerDay = new TreeMap<>();
        Map<DryingCapacity, List<DryingQueue.Arrival>> arrivals = new LinkedHashMap<>();
        plan.getDryingSites().forEach(site -> arrivals.put(site, new ArrayList<>()));
        for (Chunk chunk : plan.getChunks()) {
            if (!chunk.isFinishedInTime()) {
                continue;
            }
            muPerDay.merge(firstDay.plusDays(chunk.harvestDay()), chunk.getAreaMu(), Double::sum);
            if (chunk.getDryingSite() != null) {
                arrivals.get(chunk.getDryingSite()).add(chunk.arrival());
            }
        }
        List<PlanMetrics.SiteQueue> queues = new ArrayList<>();
        arrivals.forEach((site, grain) -> {
            if (!grain.isEmpty()) {
                queues.add(queue(site, grain.stream().sorted().toList(), plan.getHorizon(), firstDay));
            }
        });
        int unhelped = (int) plan.getChunks().stream()
                .filter(c -> c.isNeedsTeam() && c.isFinishedInTime() && c.getTeam() == null).count();
        double totalMu = plan.getChunks().stream().mapToDouble(Chunk::getAreaMu).sum();
        double harvestedMu = Assignment.totalAreaMu(assignments);
        return new PlanMetrics(Math.round(check.costYuan()),
                new PlanMetrics.Loss(round(check.standingKg()), round(check.waitingKg()), round(check.lossKg())),
                harvestedMu, round(totalMu - harvestedMu), Assignment.totalTravelKm(assignments), unhelped,
                muPerDay.entrySet().stream().map(e -> new PlanMetrics.DayMu(e.getKey(), round(e.getValue()))).toList(),
                queues, machines(plan));
    }

    private static PlanMetrics.SiteQueue queue(DryingCapacity site, List<DryingQueue.Arrival> arrivals, Horizon horizon, LocalDate firstDay) {
        return new PlanMetrics.SiteQueue(site.code(), DryingQueue.run(site, arrivals, horizon, true).days().stream()
                .map(day -> new PlanMetrics.QueueDay(firstDay.plusDays(day.day()), tonnes(day.arrivingKg()), tonnes(day.driedKg()),
                        tonnes(site.kgOn(day.day())), tonnes(day.waitingKg()), round(day.longestWaitMinutes() / 60.0)))
                .toList());
    }

    private static double tonnes(double kg) {
        return Math.round(kg) / 1000.0;
    }

    private static List<PlanMetrics.MachineUse> machines(HarvestPlan plan) {
        List<WorkCalendar> calendars = plan.getChunks().stream().map(Chunk::getCalendar).distinct().toList();
        // hours workable in any planned community, counted once for all combines
        int hours = plan.getHorizon().endMinute() / 60;
        int[] workableBefore = new int[hours + 1];
        for (int hour = 0; hour < hours; hour++) {
            int h = hour;
            workableBefore[hour + 1] = workableBefore[hour] + (calendars.stream().anyMatch(c -> c.workable(h)) ? 1 : 0);
        }
        List<PlanMetrics.MachineUse> uses = new ArrayList<>();
        for (Harvester harvester : plan.getHarvesters()) {
            List<Chunk> done = harvester.getChunks().stream().filter(Chunk::isFinishedInTime).toList();
            double workMinutes = 0;
            String lastField = null;
            for (Chunk chunk : done) {
                workMinutes += chunk.getRules().workMinutes(chunk.getAreaMu(), harvester.getCapacityMuPerHour(),
                        chunk.getFieldCode().equals(lastField));
                lastField = chunk.getFieldCode();
            }
            int workable = workableBefore[Math.min(hours, harvester.getAvailableUntil() / 60)]
                    - workableBefore[Math.min(hours, harvester.getAvailableFrom() / 60)];
            double workHours = workMinutes / 60;
            uses.add(new PlanMetrics.MachineUse(harvester.getCode(), done.size(),
                    round(done.stream().mapToDouble(Chunk::getAreaMu).sum()), round(workHours),
                    round(done.stream().mapToDouble(Chunk::getRoadKm).sum()), workable,
                    workable == 0 ? 0 : round(workHours / workable)));
        }
        return uses;
    }

    /** Chunks no combine finishes in the horizon, by field, with the first reason that explains it. */
    private static List<FieldRisk> unassigned(HarvestPlan plan) {
        Map<String, List<Chunk>> byField = plan.getChunks().stream().filter(c -> !c.isFinishedInTime())
                .collect(Collectors.groupingBy(Chunk::getFieldCode, TreeMap::new, Collectors.toList()));
        List<FieldRisk> risks = new ArrayList<>();
        byField.forEach((field, chunks) -> risks.add(new FieldRisk(field,
                round(chunks.stream().mapToDouble(Chunk::getAreaMu).sum()), whyUnassigned(plan, chunks.getFirst()))));
        return risks;
    }

    private static String whyUnassigned(HarvestPlan plan, Chunk chunk) {
        int end = plan.getHorizon().endMinute();
        if (plan.getHarvesters().stream().noneMatch(h -> h.canHarvest(chunk.getCrop()))) {
            return "no combine in the plan harvests " + chunk.getCrop();
        }
        if (chunk.getRipeFrom() >= end) {
            return "not ripe before the horizon ends";
        }
        if (chunk.getCalendar().firstWorkable(Math.max(0, chunk.getRipeFrom())) == WorkCalendar.NEVER) {
            return "no workable hour once it is ripe: rain, dry-out or no forecast until the horizon ends";
        }
        if (chunk.isPinned()) {
            return "its pinned job no longer finishes inside the horizon";
        }
        return "no combine is free long enough inside the windows: the district is short of machine-hours";
    }

    /** Planned fields whose grain stands ripe long enough to lose a noticeable share. */
    private static List<FieldRisk> atRisk(HarvestPlan plan) {
        Map<String, List<Chunk>> byField = plan.getChunks().stream().filter(Chunk::isFinishedInTime)
                .collect(Collectors.groupingBy(Chunk::getFieldCode, TreeMap::new, Collectors.toList()));
        List<FieldRisk> risks = new ArrayList<>();
        byField.forEach((field, chunks) -> {
            Chunk last = chunks.stream().max(Comparator.comparingInt(Chunk::getEnd)).orElseThrow();
            double yield = chunks.stream().mapToDouble(Chunk::getYieldKg).sum();
            double lost = chunks.stream().mapToDouble(c -> plan.getHorizon().loss()
                    .standingKg(c.getYieldKg(), c.getCalendar(), c.getRipeFrom(), c.getEnd())).sum();
            if (lost >= AT_RISK_SHARE * yield) {
                int hours = Math.max(0, (last.getEnd() - last.getRipeFrom()) / 60);
                risks.add(new FieldRisk(field, round(chunks.stream().mapToDouble(Chunk::getAreaMu).sum()),
                        "stands ripe " + hours + " h (" + last.getCalendar().wetHours(last.getRipeFrom(), last.getEnd())
                                + " of them wet) before it is cut; expected standing loss " + Math.round(lost) + " kg"));
            }
        });
        return risks;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
