package harvest.sms.texts;

import harvest.farmer.Farmer;
import harvest.field.Field;
import harvest.machine.Machine;
import harvest.planning.Assignment;
import harvest.planning.Plan;
import harvest.planning.outcome.PlanDiff;
import harvest.sms.outbox.SmsKind;
import harvest.sms.outbox.SmsLanguage;
import harvest.sms.outbox.SmsOutbox;
import harvest.sms.outbox.SmsRecipient;
import harvest.team.Team;
import harvest.weather.Segment;
import harvest.weather.Windows;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A published revision texts only the people whose work it changed, saying what changed: each operator and team
 * leader the jobs it gave them or took off them, each farmer their fields' new times or that they are on hold. Work taken off
 * someone in a slot that the forecast now has wet (or drying out) says it is because of the rain.
 */
@Singleton
public class RevisionTexts {
    private final Windows windows;

    public RevisionTexts(Windows windows) {
        this.windows = windows;
    }

    List<SmsOutbox.NewText> changes(Plan plan, List<Assignment> before, List<Assignment> after, LedgerSnapshot ledgers,
                                    SmsTemplates templates) {
        PlanDiff diff = plan.outcome().diff();
        Map<String, Assignment> old = byChunk(before);
        Map<String, Assignment> now = byChunk(after);
        Map<String, Notice> operators = new TreeMap<>();
        Map<String, Notice> households = new TreeMap<>();
        Map<String, Notice> teams = new TreeMap<>();
        List<PlanDiff.Change> all = new ArrayList<>();
        all.addAll(diff.added());
        all.addAll(diff.moved());
        all.addAll(diff.rescheduled());
        all.addAll(diff.cancelled());
        Map<String, List<Segment>> weather = weatherOver(all.stream().filter(c -> c.fromMachine() != null)
                .map(c -> old.get(c.chunkId())).toList(), ledgers);
        for (PlanDiff.Change change : all) {
            Field field = ledgers.fields().get(change.fieldCode());
            Assignment next = now.get(change.chunkId());
            SmsTemplates.Change given = next == null ? null : given(field, next, ledgers);
            SmsTemplates.Change taken = change.fromMachine() == null ? null
                    : new SmsTemplates.Change(field.name(), null, null, null, null,
                    rainedOff(weather.get(field.communityCode()), old.get(change.chunkId())));
            if (change.toMachine() != null) {
                operators.computeIfAbsent(change.toMachine(), m -> new Notice()).add(given, change.chunkId());
            }
            if (change.fromMachine() != null && !change.fromMachine().equals(change.toMachine())) {
                operators.computeIfAbsent(change.fromMachine(), m -> new Notice()).add(taken, change.chunkId());
            }
            households.computeIfAbsent(field.farmerCode(), f -> new Notice()).add(given != null ? given : taken, change.chunkId());
            String oldTeam = old.containsKey(change.chunkId()) ? old.get(change.chunkId()).teamCode() : null;
            String newTeam = next == null ? null : next.teamCode();
            if (newTeam != null) {
                teams.computeIfAbsent(newTeam, t -> new Notice()).add(given, change.chunkId());
            }
            if (oldTeam != null && !oldTeam.equals(newTeam)) {
                teams.computeIfAbsent(oldTeam, t -> new Notice()).add(taken, change.chunkId());
            }
        }
        List<SmsOutbox.NewText> texts = new ArrayList<>();
        operators.forEach((code, notice) -> {
            Machine machine = ledgers.machines().get(code);
            if (machine.operatorPhone() != null) {
                texts.add(new SmsOutbox.NewText(SmsKind.PLAN_CHANGE, SmsRecipient.OPERATOR, code, machine.operatorPhone(), SmsLanguage.ZH,
                        templates.changes(SmsLanguage.ZH, machine.plate() == null ? code : machine.plate(), notice.changes()),
                        false, plan.id(), notice.chunks()));
            }
        });
        households.forEach((code, notice) -> {
            Farmer farmer = ledgers.farmers().get(code);
            if (farmer.phone() != null) {
                SmsLanguage language = SmsLanguage.of(farmer.language());
                texts.add(new SmsOutbox.NewText(SmsKind.PLAN_CHANGE, SmsRecipient.FARMER, code, farmer.phone(), language,
                        templates.farmerChanges(language, farmer.name(), notice.changes()), false, plan.id(), notice.chunks()));
            }
        });
        teams.forEach((code, notice) -> {
            Team team = ledgers.teams().get(code);
            texts.add(new SmsOutbox.NewText(SmsKind.PLAN_CHANGE, SmsRecipient.TEAM_LEADER, code, team.leaderPhone(), SmsLanguage.ZH,
                    templates.changes(SmsLanguage.ZH, team.name(), notice.changes()), false, plan.id(), notice.chunks()));
        });
        return texts;
    }

    /** What one person is told, and which assignments that is about. */
    private record Notice(List<SmsTemplates.Change> changes, List<String> chunks) {
        Notice() {
            this(new ArrayList<>(), new ArrayList<>());
        }

        void add(SmsTemplates.Change change, String chunk) {
            changes.add(change);
            chunks.add(chunk);
        }
    }

    private static SmsTemplates.Change given(Field field, Assignment next, LedgerSnapshot ledgers) {
        Machine machine = ledgers.machines().get(next.machineCode());
        return new SmsTemplates.Change(field.name(), next.start(), next.end(),
                machine.plate() == null ? machine.code() : machine.plate(),
                machine.operatorPhone() == null ? "" : machine.operatorPhone(), false);
    }

    /** The latest windows of the communities of the jobs taken off someone, read once over all their slots. */
    private Map<String, List<Segment>> weatherOver(List<Assignment> taken, LedgerSnapshot ledgers) {
        if (taken.isEmpty()) {
            return Map.of();
        }
        Set<String> communities = taken.stream().map(a -> ledgers.fields().get(a.fieldCode()).communityCode()).collect(Collectors.toSet());
        Instant from = taken.stream().map(a -> a.start().toInstant()).min(Comparator.naturalOrder()).orElseThrow();
        Instant to = taken.stream().map(a -> a.end().toInstant()).max(Comparator.naturalOrder()).orElseThrow();
        return windows.timelines(communities, from, to);
    }

    /** The published slot now overlaps rain or the ground drying after it. */
    private static boolean rainedOff(List<Segment> timeline, Assignment published) {
        return timeline.stream().anyMatch(segment -> segment.rainy()
                && segment.overlaps(published.start().toInstant(), published.end().toInstant()));
    }

    private static Map<String, Assignment> byChunk(List<Assignment> assignments) {
        return assignments.stream().collect(Collectors.toMap(Assignment::chunkId, Function.identity()));
    }
}
