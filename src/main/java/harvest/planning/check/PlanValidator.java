package harvest.planning.check;

import harvest.planning.domain.Chunk;
import harvest.planning.domain.DryingCapacity;
import harvest.planning.domain.HarvestPlan;
import harvest.planning.domain.Harvester;
import harvest.planning.domain.Horizon;
import harvest.planning.domain.Place;
import harvest.planning.domain.VolunteerTeam;
import harvest.weather.WorkCalendar;
import harvest.planning.domain.WorkRules;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a finished plan against the brief's hard rules and recomputes its loss, from the plan's times alone:
 * it never runs the solver's schedule computation or its constraints, so a bug there cannot hide itself.
 */
public final class PlanValidator {

    @Serdeable
    @Schema(name = "CheckViolation", description = "A hard rule the independent checker found broken")
    public record Violation(String rule, String chunk, String detail) {
    }

    /** What the checker found, and the loss of planning rule 7 and the road recomputed from the plan's times and places. */
    public record Report(List<Violation> violations, double standingKg, double waitingKg, double harvestedMu, double roadKm,
                         double costYuan) {
        public boolean valid() {
            return violations.isEmpty();
        }

        public double lossKg() {
            return standingKg + waitingKg;
        }
    }

    private record Loss(double standingKg, double waitingKg) {
    }

    /** Grain cut at {@code minute} reaching a site's queue. */
    private record Delivery(int minute, String chunk, double kg) {
    }

    public Report validate(HarvestPlan plan) {
        List<Violation> violations = new ArrayList<>();
        Map<DryingCapacity, List<Delivery>> deliveries = new HashMap<>();
        Map<VolunteerTeam, List<Chunk>> teamJobs = new HashMap<>();
        double harvestedMu = 0;
        double roadKm = 0;
        for (Harvester harvester : plan.getHarvesters()) {
            Place at = harvester.getBase();
            int free = harvester.getAvailableFrom();
            String lastField = null;
            for (Chunk chunk : harvester.getChunks()) {
                checkJob(harvester, chunk, at, free, chunk.getFieldCode().equals(lastField), violations);
                roadKm += at.greatCircleKm(chunk.getPlace()) * chunk.getRules().roadFactor();
                at = chunk.getPlace();
                free = chunk.getEnd() == null ? WorkCalendar.NEVER : chunk.getEnd();
                lastField = chunk.getFieldCode();
                if (chunk.getEnd() != null && chunk.getEnd() != WorkCalendar.NEVER) {
                    harvestedMu += chunk.getAreaMu();
                }
                if (chunk.getDryingSite() != null && chunk.getEnd() != null && chunk.getEnd() != WorkCalendar.NEVER) {
                    deliveries.computeIfAbsent(chunk.getDryingSite(), site -> new ArrayList<>())
                            .add(new Delivery(chunk.getEnd(), chunk.getId(), chunk.getYieldKg()));
                }
                if (chunk.getTeam() != null) {
                    teamJobs.computeIfAbsent(chunk.getTeam(), team -> new ArrayList<>()).add(chunk);
                }
            }
        }
        teamJobs.forEach((team, jobs) -> checkTeam(team, jobs, violations));
        Loss loss = loss(plan, deliveries);
        return new Report(violations, loss.standingKg(), loss.waitingKg(), harvestedMu, roadKm,
                plan.getHorizon().prices().yuan(loss.standingKg() + loss.waitingKg(), roadKm));
    }

    private static void checkJob(Harvester harvester, Chunk chunk, Place from, int free, boolean sameField,
                                 List<Violation> violations) {
        WorkRules rules = chunk.getRules();
        if (chunk.getStart() == null || chunk.getEnd() == null || chunk.getEnd() == WorkCalendar.NEVER) {
            violations.add(new Violation("finished in the horizon", chunk.getId(), "no end inside the horizon"));
            return;
        }
        int start = chunk.getStart();
        int end = chunk.getEnd();
        if (!harvester.canHarvest(chunk.getCrop())) {
            violations.add(new Violation("crops", chunk.getId(), harvester.getCode() + " does not harvest " + chunk.getCrop()));
        }
        if (start < harvester.getAvailableFrom() || end > harvester.getAvailableUntil()) {
            violations.add(new Violation("availability", chunk.getId(), "outside " + harvester.getCode() + "'s availability"));
        }
        if (start < chunk.getRipeFrom()) {
            violations.add(new Violation("ripeness", chunk.getId(), "starts " + (chunk.getRipeFrom() - start) + " min before it is ripe"));
        }
        int travel = (int) Math.ceil(from.greatCircleKm(chunk.getPlace()) * rules.roadFactor() / rules.roadSpeedKmh() * 60);
        if (free != WorkCalendar.NEVER && start < free + travel) {
            violations.add(new Violation("one place at a time", chunk.getId(),
                    "starts " + (free + travel - start) + " min before " + harvester.getCode() + " can be there"));
        }
        double setup = sameField ? 0 : rules.setupHours();
        int needed = (int) Math.ceil((chunk.getAreaMu() / harvester.getCapacityMuPerHour() + setup) * 60);
        int worked = workableMinutes(chunk.getCalendar(), start, end);
        if (worked < needed) {
            violations.add(new Violation("work time", chunk.getId(), worked + " workable min between start and end, " + needed + " needed"));
        }
        if (!workableAt(chunk.getCalendar(), start) || !workableAt(chunk.getCalendar(), end - 1)) {
            violations.add(new Violation("weather and work hours", chunk.getId(), "starts or ends in a wet, dry-out or night hour"));
        }
    }

    /** Workable minutes in {@code [start, end)}, counted hour by hour from the calendar's own answers. */
    private static int workableMinutes(WorkCalendar calendar, int start, int end) {
        int minutes = 0;
        for (int t = start; t < end; t = (t / 60 + 1) * 60) {
            if (workableAt(calendar, t)) {
                minutes += Math.min(end, (t / 60 + 1) * 60) - t;
            }
        }
        return minutes;
    }

    private static boolean workableAt(WorkCalendar calendar, int minute) {
        return calendar.firstWorkable(minute) == minute;
    }

    private static void checkTeam(VolunteerTeam team, List<Chunk> jobs, List<Violation> violations) {
        List<Chunk> byStart = jobs.stream().filter(c -> c.getStart() != null && c.getEnd() != null)
                .sorted(Comparator.comparingInt(Chunk::getStart)).toList();
        Chunk busyUntil = null;
        for (Chunk job : byStart) {
            if (busyUntil != null && job.getStart() < busyUntil.getEnd()) {
                violations.add(new Violation("team in one place", job.getId(), team.code() + " is still at " + busyUntil.getId()));
            }
            if (busyUntil == null || job.getEnd() > busyUntil.getEnd()) {
                busyUntil = job;
            }
        }
    }

    /**
     * Planning rule 7, from the plan's times: standing loss until cut (or the horizon), waiting loss in the open
     * for grain without a site, and in each site's queue (rule 6).
     */
    private static Loss loss(HarvestPlan plan, Map<DryingCapacity, List<Delivery>> deliveries) {
        Horizon horizon = plan.getHorizon();
        double standing = 0;
        double waiting = 0;
        for (Chunk chunk : plan.getChunks()) {
            boolean done = chunk.getHarvester() != null && chunk.getEnd() != null && chunk.getEnd() != WorkCalendar.NEVER;
            int until = done ? chunk.getEnd() : horizon.endMinute();
            standing += horizon.loss().standingKg(chunk.getYieldKg(), chunk.getCalendar(), chunk.getRipeFrom(), until);
            if (done && chunk.getDryingSite() == null) {
                waiting += horizon.loss().waitingKg(chunk.getYieldKg(), chunk.getEnd(), horizon.endMinute());
            }
        }
        for (var site : deliveries.entrySet()) {
            waiting += queueLossKg(site.getKey(), site.getValue(), horizon);
        }
        return new Loss(standing, waiting);
    }

    /**
     * First come, first served, taken delivery by delivery: each in turn takes the capacity its elders left,
     * from the day it arrives; a day's drying is done at noon; what finds no capacity waits to the horizon's end.
     */
    private static double queueLossKg(DryingCapacity site, List<Delivery> deliveries, Horizon horizon) {
        int days = horizon.endMinute() / 1440;
        double[] left = new double[days];
        for (int day = 0; day < days; day++) {
            left[day] = site.kgOn(day);
        }
        double lost = 0;
        List<Delivery> inOrder = deliveries.stream()
                .sorted(Comparator.comparingInt(Delivery::minute).thenComparing(Delivery::chunk)).toList();
        for (Delivery delivery : inOrder) {
            double undried = delivery.kg();
            for (int day = delivery.minute() / 1440; day < days && undried > 0; day++) {
                double dried = Math.min(undried, left[day]);
                left[day] -= dried;
                undried -= dried;
                lost += horizon.loss().waitingKg(dried, delivery.minute(), day * 1440 + 720);
            }
            lost += horizon.loss().waitingKg(undried, delivery.minute(), horizon.endMinute());
        }
        return lost;
    }
}
