package harvest.dispatch.report;

import harvest.community.Community;
import harvest.community.CommunityLedger;
import harvest.dispatch.WorkLog;
import harvest.drying.DryingSite;
import harvest.drying.DryingSiteLedger;
import harvest.drying.MovementStore;
import harvest.drying.SiteOccupancy;
import harvest.field.Field;
import harvest.field.FieldLedger;
import harvest.machine.Machine;
import harvest.machine.MachineBreakdowns;
import harvest.machine.MachineKind;
import harvest.machine.MachineLedger;
import harvest.planning.Assignment;
import harvest.planning.AssignmentStore;
import harvest.planning.PlanStore;
import harvest.system.DistrictTime;
import harvest.system.problem.ProblemException;
import harvest.weather.Segment;
import harvest.weather.Windows;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

/**
 * Builds the daily report bottom up: a line per field, each community the sum of its fields (and of the
 * combines and drying sites counted there), the district the sum of its communities, so the three levels always
 * agree. A past day is reported as it stood at midnight; today as it stands now. It is longer than most classes
 * because the field lines, the combine counts and the drying totals are read for one day and added up together.
 */
@Singleton
public class DailyReports {
    /** How far ahead the report looks for the next rain. */
    private static final Duration RAIN_LOOKAHEAD = Duration.ofDays(7);

    private final FieldLedger fields;
    private final CommunityLedger communities;
    private final MachineLedger machines;
    private final DryingSiteLedger sites;
    private final PlanStore plans;
    private final AssignmentStore assignments;
    private final Windows windows;
    private final ReportQueries queries;
    private final MachineBreakdowns breakdowns;
    private final MovementStore movements;
    private final Clock clock;

    public DailyReports(FieldLedger fields, CommunityLedger communities, MachineLedger machines, DryingSiteLedger sites,
                        PlanStore plans, AssignmentStore assignments, Windows windows, ReportQueries queries, MachineBreakdowns breakdowns,
                        MovementStore movements, Clock clock) {
        this.breakdowns = breakdowns;
        this.movements = movements;
        this.fields = fields;
        this.communities = communities;
        this.machines = machines;
        this.sites = sites;
        this.plans = plans;
        this.assignments = assignments;
        this.windows = windows;
        this.queries = queries;
        this.clock = clock;
    }

    public DailyReport report(LocalDate day) {
        Day d = day(day);
        List<FieldLine> lines = fieldLines(d);
        Map<String, MachineCount> machineCounts = machineCounts(d, lines);
        Map<String, double[]> drying = drying(d);
        Map<String, List<FieldLine>> linesByCommunity = lines.stream().collect(Collectors.groupingBy(FieldLine::communityCode));
        List<DispatchTotals> byCommunity = communities.all(false).stream().map(c -> {
            List<FieldLine> theirs = linesByCommunity.getOrDefault(c.code(), List.of());
            MachineCount m = machineCounts.getOrDefault(c.code(), new MachineCount());
            double[] dry = drying.getOrDefault(c.code(), new double[2]);
            double total = sum(theirs, FieldLine::areaMu);
            double toDate = sum(theirs, FieldLine::harvestedToDateMu);
            return new DispatchTotals(c.code(), c.name(), total, sum(theirs, FieldLine::harvestedTodayMu), toDate, percent(toDate, total),
                    sum(theirs, FieldLine::ripeRemainingMu), (int) theirs.stream().filter(FieldLine::atRisk).count(),
                    m.working, m.idle, m.broken, m.borrowed, round(dry[0]), round(dry[1]), sum(theirs, FieldLine::tonnesWaiting),
                    theirs.stream().mapToInt(FieldLine::teamTasksDone).sum(), sum(theirs, FieldLine::expectedLossKg));
        }).toList();
        double total = sum(byCommunity, DispatchTotals::totalMu);
        double toDate = sum(byCommunity, DispatchTotals::harvestedToDateMu);
        DispatchTotals district = new DispatchTotals(null, "district", total, sum(byCommunity, DispatchTotals::harvestedTodayMu), toDate,
                percent(toDate, total), sum(byCommunity, DispatchTotals::ripeRemainingMu), count(byCommunity, DispatchTotals::fieldsAtRisk),
                count(byCommunity, DispatchTotals::machinesWorking), count(byCommunity, DispatchTotals::machinesIdle),
                count(byCommunity, DispatchTotals::machinesBroken), count(byCommunity, DispatchTotals::machinesBorrowed),
                sum(byCommunity, DispatchTotals::dryingIntakeTonnes), sum(byCommunity, DispatchTotals::dryingCapacityTonnes),
                sum(byCommunity, DispatchTotals::tonnesWaiting), count(byCommunity, DispatchTotals::teamTasksDone),
                sum(byCommunity, DispatchTotals::expectedLossKg));
        return new DailyReport(day, DistrictTime.local(d.asOf), district, byCommunity);
    }

    public List<FieldLine> fields(LocalDate day) {
        return fieldLines(day(day));
    }

    /** The day's bounds and the moment it is reported at. */
    private record Day(LocalDate date, Instant start, Instant end, Instant asOf, boolean today) {
    }

    private Day day(LocalDate date) {
        Instant start = date.atStartOfDay(DistrictTime.ZONE).toInstant();
        Instant end = start.plus(Duration.ofDays(1));
        Instant now = clock.instant();
        if (!start.isBefore(now)) {
            throw ProblemException.invalid("date", date + " has not begun; the report is about days that have");
        }
        return new Day(date, start, end, end.isBefore(now) ? end : now, !end.isBefore(now));
    }

    private List<FieldLine> fieldLines(Day day) {
        List<Field> all = fields.all(false);
        Map<String, List<ReportQueries.Report>> reported = queries.reports(day.date());
        Map<String, Double> takenIn = queries.takenInToDate(day.date());
        Map<String, Integer> teamTasks = queries.teamTasksDone(day.date());
        Map<String, List<Assignment>> open = slots(day.asOf());
        Instant seasonStart = all.stream().map(Field::ripeFrom).min(Comparator.naturalOrder()).orElse(day.start())
                .atZone(DistrictTime.ZONE).toLocalDate().atStartOfDay(DistrictTime.ZONE).toInstant();
        if (seasonStart.isAfter(day.asOf())) {
            seasonStart = day.start();
        }
        Set<String> communityCodes = all.stream().map(Field::communityCode).collect(Collectors.toSet());
        Map<String, List<Segment>> timelines = windows.timelines(communityCodes, seasonStart, day.asOf().plus(RAIN_LOOKAHEAD));
        ExpectedLosses losses = new ExpectedLosses(seasonStart, day.asOf(), timelines);
        List<FieldLine> lines = new ArrayList<>();
        for (Field field : all) {
            List<ReportQueries.Report> reports = reported.getOrDefault(field.code(), List.of());
            double area = field.areaMu().doubleValue();
            double todayMu = reports.stream().filter(r -> r.day().equals(day.date())).mapToDouble(ReportQueries.Report::mu).sum();
            double toDateMu = reports.stream().mapToDouble(ReportQueries.Report::mu).sum();
            double tonnes = reports.stream().mapToDouble(ReportQueries.Report::tonnes).sum();
            boolean complete = WorkLog.cover(reports.stream().mapToDouble(ReportQueries.Report::chunkMu).sum(), area);
            boolean ripe = field.ripeFrom().isBefore(day.asOf());
            double waiting = Math.max(0, tonnes - takenIn.getOrDefault(field.code(), 0.0));
            boolean atRisk = ripe && !complete && !slotBeforeRain(open.getOrDefault(field.code(), List.of()),
                    nextRain(timelines.get(field.communityCode()), day.asOf()));
            double loss = losses.standingKg(field, reports) + losses.waitingKg(waiting, reports);
            lines.add(new FieldLine(field.code(), field.communityCode(), field.status(), round(area), round(todayMu),
                    round(toDateMu), ripe && !complete ? round(Math.max(0, area - toDateMu)) : 0, atRisk,
                    round(tonnes), round(takenIn.getOrDefault(field.code(), 0.0)), round(waiting),
                    teamTasks.getOrDefault(field.code(), 0), round(loss)));
        }
        return lines;
    }

    /**
     * The work still to do at {@code asOf} in the plan in force then, by field: neither called off nor reported
     * finished by that moment.
     */
    private Map<String, List<Assignment>> slots(Instant asOf) {
        Set<String> finished = assignments.finishedBy(asOf);
        return plans.publishedAt(asOf).stream().flatMap(p -> assignments.list(p.id(), null, null).stream())
                .filter(a -> !a.status().calledOff() && !finished.contains(a.chunkId()))
                .collect(Collectors.groupingBy(Assignment::fieldCode));
    }

    /**
     * The rain that ends the next dry spell: while it rains now, a field is at risk only if it will not be cut
     * in the spell that follows.
     */
    private static @Nullable Instant nextRain(@Nullable List<Segment> timeline, Instant after) {
        if (timeline == null) {
            return null;
        }
        Instant dry = timeline.stream().filter(s -> s.workable() && s.end().isAfter(after)).map(Segment::start).findFirst().orElse(null);
        return dry == null ? null : timeline.stream().filter(s -> s.rainy() && s.start().isAfter(dry)).map(Segment::start)
                .findFirst().orElse(null);
    }

    private static boolean slotBeforeRain(List<Assignment> open, @Nullable Instant rain) {
        return !open.isEmpty() && (rain == null || open.stream().allMatch(a -> !a.end().toInstant().isAfter(rain)));
    }

    private static final class MachineCount {
        int working;
        int idle;
        int broken;
        int borrowed;
    }

    /** Each combine available on the day counts once: where it last worked, or else at the community nearest its base. */
    private Map<String, MachineCount> machineCounts(Day day, List<FieldLine> lines) {
        Map<String, String> fieldCommunity = lines.stream().collect(Collectors.toMap(FieldLine::fieldCode, FieldLine::communityCode));
        List<Community> places = communities.all(false);
        Map<String, String> worked = new HashMap<>(day.today() ? queries.workingNow() : Map.of());
        worked.putAll(queries.lastFieldWorked(day.date()));
        Set<String> broken = breakdowns.brokenAt(day.asOf());
        Map<String, MachineCount> counts = new HashMap<>();
        for (Machine machine : machines.all(false)) {
            if (machine.kind() != MachineKind.COMBINE || !availableOn(machine, day)) {
                continue;
            }
            String field = worked.get(machine.code());
            String community = field != null && fieldCommunity.containsKey(field) ? fieldCommunity.get(field)
                    : nearest(places, machine.baseLat(), machine.baseLon());
            if (community == null) {
                continue;
            }
            MachineCount count = counts.computeIfAbsent(community, c -> new MachineCount());
            if (broken.contains(machine.code())) {
                count.broken++;
            } else if (field != null) {
                count.working++;
            } else {
                count.idle++;
            }
            if (!Machine.LOCAL.equals(machine.origin())) {
                count.borrowed++;
            }
        }
        return counts;
    }

    private static boolean availableOn(Machine machine, Day day) {
        return (machine.availableFrom() == null || machine.availableFrom().isBefore(day.end()))
                && (machine.availableUntil() == null || machine.availableUntil().isAfter(day.start()));
    }

    /** None when the district has no community at all (and so no line to count the combine in). */
    private static @Nullable String nearest(List<Community> places, double lat, double lon) {
        return places.stream().min(Comparator.comparingDouble(c -> Math.pow(c.lat() - lat, 2) + Math.pow(c.lon() - lon, 2)))
                .map(Community::code).orElse(null);
    }

    /** Per community: tonnes its drying sites took in on the day, and their capacity that day. */
    private Map<String, double[]> drying(Day day) {
        List<DryingSite> active = sites.all(false);
        Map<String, MovementStore.Totals> intake = movements.totals(active.stream().map(DryingSite::code).toList(), day.date());
        Map<String, List<Segment>> timelines = windows.timelines(active.stream().map(DryingSite::communityCode).collect(Collectors.toSet()),
                day.start(), day.end());
        Map<String, double[]> drying = new HashMap<>();
        for (DryingSite site : active) {
            double[] totals = drying.computeIfAbsent(site.communityCode(), c -> new double[2]);
            totals[0] += intake.getOrDefault(site.code(), MovementStore.Totals.NONE).intakeOnDay().doubleValue();
            totals[1] += SiteOccupancy.capacity(site, timelines.get(site.communityCode()), day.start(), day.end()).doubleValue();
        }
        return drying;
    }

    private static <T> double sum(List<T> items, ToDoubleFunction<T> value) {
        return round(items.stream().mapToDouble(value).sum());
    }

    private static <T> int count(List<T> items, ToIntFunction<T> value) {
        return items.stream().mapToInt(value).sum();
    }

    private static double percent(double part, double whole) {
        return whole == 0 ? 0 : Math.round(1000 * part / whole) / 10.0;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
