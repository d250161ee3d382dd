package harvest.planning;

import harvest.community.Community;
import harvest.community.CommunityLedger;
import harvest.drying.DailyCapacity;
import harvest.drying.DryingKind;
import harvest.drying.DryingSite;
import harvest.drying.DryingSiteLedger;
import harvest.farmer.Farmer;
import harvest.farmer.FarmerLedger;
import harvest.field.Field;
import harvest.field.FieldLedger;
import harvest.field.FieldStatus;
import harvest.machine.Machine;
import harvest.machine.MachineBreakdowns;
import harvest.machine.MachineKind;
import harvest.machine.MachineLedger;
import harvest.planning.domain.Chunk;
import harvest.planning.domain.DryingCapacity;
import harvest.planning.domain.HarvestPlan;
import harvest.planning.domain.Harvester;
import harvest.planning.domain.Horizon;
import harvest.planning.domain.LossModel;
import harvest.planning.domain.Place;
import harvest.planning.domain.Prices;
import harvest.planning.domain.VolunteerTeam;
import harvest.weather.WorkCalendar;
import harvest.planning.domain.WorkRules;
import harvest.system.DistrictTime;
import harvest.system.problem.Problem;
import harvest.system.problem.ProblemException;
import harvest.system.problem.ProblemType;
import io.micronaut.core.annotation.Nullable;
import harvest.team.TeamLedger;
import harvest.weather.GapReason;
import harvest.weather.Segment;
import harvest.weather.Windows;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns the ledgers and the latest forecast into a planning problem: fields still to harvest become chunks
 * (split above the rules' size), combines available in the horizon become harvesters, each community gets the
 * workable hours of its windows, and each drying site its capacity day by day.
 */
@Singleton
public class PlanProblemBuilder {
    /** A field being harvested still has grain standing; a revision keeps its started chunks pinned. */
    private static final Set<FieldStatus> TO_HARVEST = Set.of(FieldStatus.REGISTERED, FieldStatus.SCHEDULED, FieldStatus.HARVESTING);

    private final CommunityLedger communities;
    private final FieldLedger fields;
    private final FarmerLedger farmers;
    private final MachineLedger machines;
    private final MachineBreakdowns breakdowns;
    private final DryingSiteLedger dryingSites;
    private final TeamLedger teams;
    private final Windows windows;
    private final AssignmentStore assignments;

    public PlanProblemBuilder(CommunityLedger communities, FieldLedger fields, FarmerLedger farmers, MachineLedger machines,
                              MachineBreakdowns breakdowns, DryingSiteLedger dryingSites,
                              TeamLedger teams, Windows windows, AssignmentStore assignments) {
        this.communities = communities;
        this.fields = fields;
        this.farmers = farmers;
        this.machines = machines;
        this.breakdowns = breakdowns;
        this.dryingSites = dryingSites;
        this.teams = teams;
        this.windows = windows;
        this.assignments = assignments;
    }

    /**
     * The problem for {@code scope}, or a 422 naming every unknown code, a field that is not waiting for a
     * combine, and a scope with no combine or no forecast at all. No work starts before {@code notBefore}: a
     * revision made during the day cannot send a combine back into the morning. The finished chunks of a field
     * being harvested are left out.
     */
    public HarvestPlan build(PlanScope scope, WorkRules rules, LossModel loss, Prices prices, @Nullable Instant notBefore) {
        Instant start = scope.firstDay().atStartOfDay(DistrictTime.ZONE).toInstant();
        Instant end = start.plus(Duration.ofDays(scope.days()));
        int horizon = scope.days() * 1440;
        int earliest = notBefore == null ? 0 : Math.max(0, minutesFrom(start, notBefore));

        List<Problem.Violation> wrong = new ArrayList<>();
        Set<String> knownCommunities = communities.all(false).stream().map(Community::code).collect(Collectors.toSet());
        unknown("communities", scope.communities(), knownCommunities, "community", wrong);
        List<Field> inScope = fields.all(false).stream()
                .filter(f -> scope.covers(f.communityCode()) && (scope.fields() == null || scope.fields().contains(f.code()))).toList();
        unknown("fields", scope.fields(), inScope.stream().map(Field::code).collect(Collectors.toSet()), "field in these communities", wrong);
        inScope.stream().filter(f -> scope.fields() != null && !TO_HARVEST.contains(f.status())).forEach(f -> wrong.add(
                Problem.Violation.of("fields", f.code() + " is " + f.status() + ": only fields still to harvest can be planned")));
        Set<String> broken = breakdowns.broken();
        List<Machine> combines = machines.all(false).stream().filter(m -> m.kind() == MachineKind.COMBINE).toList();
        unknown("machines", scope.machines(), combines.stream().map(Machine::code).collect(Collectors.toSet()), "combine", wrong);
        List<Harvester> harvesters = combines.stream()
                .filter(m -> (scope.machines() == null || scope.machines().contains(m.code())) && !broken.contains(m.code()))
                .map(m -> harvester(m, start, horizon, earliest))
                .filter(h -> h.getAvailableUntil() > h.getAvailableFrom())
                .toList();
        if (harvesters.isEmpty()) {
            wrong.add(Problem.Violation.of("machines", "no combine is available between " + scope.firstDay() + " and "
                    + scope.firstDay().plusDays(scope.days() - 1L) + (broken.isEmpty() ? "" : " (broken: " + new TreeSet<>(broken) + ")")));
        }
        List<Field> toHarvest = inScope.stream().filter(f -> TO_HARVEST.contains(f.status())).toList();
        List<DryingSite> sites = dryingSites.all(false).stream().filter(s -> scope.covers(s.communityCode())).toList();
        Set<String> planned = new TreeSet<>();
        toHarvest.forEach(f -> planned.add(f.communityCode()));
        Set<String> withSites = new HashSet<>(planned);
        sites.forEach(s -> withSites.add(s.communityCode()));
        Map<String, List<Segment>> timelines = windows.timelines(withSites, start, end);
        List<String> withoutForecast = planned.stream()
                .filter(c -> timelines.get(c).stream().allMatch(segment -> segment.reason() == GapReason.NO_FORECAST)).toList();
        if (!withoutForecast.isEmpty()) {
            wrong.add(Problem.Violation.of("communities", "no forecast covers " + scope.firstDay() + " to "
                    + scope.firstDay().plusDays(scope.days() - 1L) + " for " + String.join(", ", withoutForecast)
                    + ": load one, or plan without them"));
        }
        throwIfAny(wrong);

        Map<String, WorkCalendar> calendars = timelines.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> WorkCalendar.of(e.getKey(), e.getValue(), start, horizon)));

        Map<String, Farmer> farmersByCode = farmers.all(false).stream().collect(Collectors.toMap(Farmer::code, Function.identity()));
        Set<String> finished = assignments.finishedChunks();
        List<Chunk> chunks = new ArrayList<>();
        for (Field field : toHarvest) {
            Farmer farmer = farmersByCode.get(field.farmerCode());
            boolean needsTeam = farmer != null && (farmer.laborShort() || farmer.elderly());
            int ripeFrom = Math.max(earliest, minutesFrom(start, field.ripeFrom()));
            // only a field being harvested has parts done; a field registered again (say, next season) starts afresh
            chunksOf(field, needsTeam, ripeFrom, calendars.get(field.communityCode()), rules).stream()
                    .filter(chunk -> field.status() != FieldStatus.HARVESTING || !finished.contains(chunk.getId())).forEach(chunks::add);
        }
        List<DryingCapacity> capacities = sites.stream().map(s -> capacity(s, calendars.get(s.communityCode()), scope.days())).toList();
        List<VolunteerTeam> volunteerTeams = teams.all(false).stream()
                .filter(t -> scope.covers(t.communityCode()))
                .map(t -> new VolunteerTeam(t.code(), t.communityCode())).toList();
        return new HarvestPlan(new Horizon(horizon, loss, prices), new ArrayList<>(capacities), new ArrayList<>(volunteerTeams),
                new ArrayList<>(harvesters), chunks);
    }

    private static void unknown(String property, @Nullable Set<String> asked, Set<String> known, String what,
                                List<Problem.Violation> wrong) {
        if (asked != null) {
            asked.stream().filter(code -> !known.contains(code)).sorted()
                    .forEach(code -> wrong.add(Problem.Violation.of(property, "no active " + what + " has the code " + code)));
        }
    }

    private static void throwIfAny(List<Problem.Violation> wrong) {
        if (!wrong.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, wrong.stream().map(Problem.Violation::message)
                    .collect(Collectors.joining("; ")), wrong);
        }
    }

    /** A field over the split size becomes equal chunks that several combines may share. */
    static List<Chunk> chunksOf(Field field, boolean needsTeam, int ripeFrom, WorkCalendar calendar, WorkRules rules) {
        double area = field.areaMu().doubleValue();
        int parts = Math.max(1, (int) Math.ceil(area / rules.chunkMaxMu()));
        double partArea = area / parts;
        double yieldKg = partArea * field.expectedYieldKgPerMu().doubleValue();
        List<Chunk> chunks = new ArrayList<>();
        for (int part = 1; part <= parts; part++) {
            String id = parts == 1 ? field.code() : field.code() + "#" + part;
            chunks.add(new Chunk(id, field.code(), field.crop(), partArea, yieldKg, new Place(field.lat(), field.lon()), ripeFrom,
                    needsTeam, calendar, rules));
        }
        return chunks;
    }

    private static Harvester harvester(Machine machine, Instant start, int horizon, int earliest) {
        int from = machine.availableFrom() == null ? earliest : Math.max(earliest, minutesFrom(start, machine.availableFrom()));
        int until = machine.availableUntil() == null ? horizon : Math.min(horizon, minutesFrom(start, machine.availableUntil()));
        return new Harvester(machine.code(), machine.capacityMuPerHour().doubleValue(), Set.copyOf(machine.crops()),
                new Place(machine.baseLat(), machine.baseLon()), from, until);
    }

    static DryingCapacity capacity(DryingSite site, WorkCalendar calendar, int days) {
        long fullKg = Math.round(site.capacityTonnesPerDay().doubleValue() * 1000);
        return new DryingCapacity(site.code(), new Place(site.lat(), site.lon()),
                DailyCapacity.kgPerDay(fullKg, site.kind() == DryingKind.YARD, calendar, days));
    }

    private static int minutesFrom(Instant start, Instant time) {
        return (int) Duration.between(start, time).toMinutes();
    }
}
