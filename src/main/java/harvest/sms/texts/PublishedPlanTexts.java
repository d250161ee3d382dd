package harvest.sms.texts;

import harvest.aid.AidStationLedger;
import harvest.drying.DryingSite;
import harvest.drying.DryingSiteLedger;
import harvest.farmer.Farmer;
import harvest.farmer.FarmerLedger;
import harvest.field.Field;
import harvest.field.FieldLedger;
import harvest.machine.Machine;
import harvest.machine.MachineLedger;
import harvest.planning.Assignment;
import harvest.planning.AssignmentStore;
import harvest.planning.Plan;
import harvest.planning.PlanPublished;
import harvest.planning.PlanStore;
import harvest.sms.SmsSettings;
import harvest.sms.outbox.SmsKind;
import harvest.sms.outbox.SmsLanguage;
import harvest.sms.outbox.SmsOutbox;
import harvest.sms.outbox.SmsRecipient;
import harvest.team.Team;
import harvest.team.TeamLedger;
import io.micronaut.context.event.ApplicationEventListener;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * When a plan is published, queues in the same transaction one itinerary per operator (their first working day
 * in the plan), one notice per farmer (all their planned fields) and one task list per team leader (their first
 * day with households). A published revision texts only the people whose work it changed. Recipients without a
 * phone number are skipped.
 */
@Singleton
public class PublishedPlanTexts implements ApplicationEventListener<PlanPublished> {
    private final PlanStore plans;
    private final AssignmentStore assignments;
    private final SmsOutbox outbox;
    private final SmsSettings settings;
    private final MachineLedger machines;
    private final FarmerLedger farmers;
    private final FieldLedger fields;
    private final DryingSiteLedger dryingSites;
    private final TeamLedger teams;
    private final AidStationLedger aidStations;
    private final RevisionTexts revisionTexts;

    public PublishedPlanTexts(PlanStore plans, AssignmentStore assignments, SmsOutbox outbox, SmsSettings settings, MachineLedger machines,
                              FarmerLedger farmers, FieldLedger fields, DryingSiteLedger dryingSites, TeamLedger teams,
                              AidStationLedger aidStations, RevisionTexts revisionTexts) {
        this.plans = plans;
        this.assignments = assignments;
        this.outbox = outbox;
        this.settings = settings;
        this.machines = machines;
        this.farmers = farmers;
        this.fields = fields;
        this.dryingSites = dryingSites;
        this.teams = teams;
        this.aidStations = aidStations;
        this.revisionTexts = revisionTexts;
    }

    @Override
    public void onApplicationEvent(PlanPublished event) {
        List<Assignment> assignments = this.assignments.list(event.planId(), null, null);
        LedgerSnapshot ledgers = new LedgerSnapshot(byCode(machines.all(true), Machine::code), byCode(farmers.all(true), Farmer::code),
                byCode(fields.all(true), Field::code), byCode(dryingSites.all(true), DryingSite::code),
                byCode(teams.all(true), Team::code), aidStations.all(false));
        SmsTemplates templates = new SmsTemplates(settings.getMaxSegments());
        Plan plan = plans.get(event.planId());
        List<SmsOutbox.NewText> texts = new ArrayList<>();
        if (plan.revises() != null && plan.outcome() != null && plan.outcome().diff() != null) {
            texts.addAll(revisionTexts.changes(plan, this.assignments.list(plan.revises(), null, null), assignments, ledgers, templates));
        } else {
            texts.addAll(itineraries(event.planId(), assignments, ledgers, templates));
            texts.addAll(fieldNotices(event.planId(), assignments, ledgers, templates));
            texts.addAll(teamTasks(event.planId(), assignments, ledgers, templates));
        }
        outbox.queue(texts, settings.getValidity());
    }

    private List<SmsOutbox.NewText> itineraries(long planId, List<Assignment> assignments, LedgerSnapshot ledgers, SmsTemplates templates) {
        List<SmsOutbox.NewText> texts = new ArrayList<>();
        byKey(assignments, Assignment::machineCode).forEach((code, jobs) -> {
            Machine machine = ledgers.machines().get(code);
            if (machine == null || machine.operatorPhone() == null) {
                return;
            }
            List<Assignment> day = firstDay(jobs);
            String body = templates.itinerary(SmsLanguage.ZH, machine.plate() == null ? code : machine.plate(),
                    machine.operatorName() == null ? "" : machine.operatorName(), day.getFirst().start(),
                    day.stream().map(a -> {
                        Farmer farmer = ledgers.farmerOf(a.fieldCode());
                        return new SmsTemplates.Job(a.start(), ledgers.fields().get(a.fieldCode()).name(), a.areaMu(),
                                farmer.name(), farmer.phone() == null ? "" : farmer.phone(), ledgers.site(a.dryingSiteCode()));
                    }).toList(), ledgers.nearestAid(ledgers.fields().get(day.getFirst().fieldCode())));
            texts.add(new SmsOutbox.NewText(SmsKind.ITINERARY, SmsRecipient.OPERATOR, code, machine.operatorPhone(),
                    SmsLanguage.ZH, body, false, planId, chunks(day)));
        });
        return texts;
    }

    private List<SmsOutbox.NewText> fieldNotices(long planId, List<Assignment> assignments, LedgerSnapshot ledgers, SmsTemplates templates) {
        List<SmsOutbox.NewText> texts = new ArrayList<>();
        byKey(assignments, a -> ledgers.fields().get(a.fieldCode()).farmerCode()).forEach((code, planned) -> {
            Farmer farmer = ledgers.farmers().get(code);
            if (farmer.phone() == null) {
                return;
            }
            SmsLanguage language = SmsLanguage.of(farmer.language());
            String body = templates.fieldNotice(language, farmer.name(), planned.stream()
                    .sorted(Comparator.comparing(Assignment::start)).map(a -> {
                        Machine machine = ledgers.machines().get(a.machineCode());
                        return new SmsTemplates.Harvest(ledgers.fields().get(a.fieldCode()).name(), a.start(), a.end(),
                                machine.plate() == null ? a.machineCode() : machine.plate(),
                                machine.operatorPhone() == null ? "" : machine.operatorPhone(), ledgers.site(a.dryingSiteCode()));
                    }).toList());
            texts.add(new SmsOutbox.NewText(SmsKind.FIELD_NOTICE, SmsRecipient.FARMER, code, farmer.phone(), language,
                    body, false, planId, chunks(planned)));
        });
        return texts;
    }

    private List<SmsOutbox.NewText> teamTasks(long planId, List<Assignment> assignments, LedgerSnapshot ledgers, SmsTemplates templates) {
        List<SmsOutbox.NewText> texts = new ArrayList<>();
        byKey(assignments.stream().filter(a -> a.teamCode() != null).toList(), Assignment::teamCode).forEach((code, tasks) -> {
            Team team = ledgers.teams().get(code);
            List<Assignment> day = firstDay(tasks);
            String body = templates.teamTask(SmsLanguage.ZH, team.name(), day.getFirst().start(), day.stream().map(a -> {
                Farmer farmer = ledgers.farmerOf(a.fieldCode());
                return new SmsTemplates.Task(a.start(), farmer.name(), farmer.phone() == null ? "" : farmer.phone(),
                        ledgers.fields().get(a.fieldCode()).name());
            }).toList());
            texts.add(new SmsOutbox.NewText(SmsKind.TEAM_TASK, SmsRecipient.TEAM_LEADER, code, team.leaderPhone(),
                    SmsLanguage.ZH, body, false, planId, chunks(day)));
        });
        return texts;
    }

    private static List<String> chunks(List<Assignment> assignments) {
        return assignments.stream().map(Assignment::chunkId).toList();
    }

    /** The jobs on the first local day that has any, in time order. */
    private static List<Assignment> firstDay(List<Assignment> jobs) {
        List<Assignment> sorted = jobs.stream().sorted(Comparator.comparing(Assignment::start)).toList();
        LocalDate first = sorted.getFirst().start().toLocalDate();
        return sorted.stream().filter(a -> a.start().toLocalDate().equals(first)).toList();
    }

    private static Map<String, List<Assignment>> byKey(List<Assignment> assignments, Function<Assignment, String> key) {
        return assignments.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.toList()));
    }

    private static <T> Map<String, T> byCode(List<T> rows, Function<T, String> code) {
        return rows.stream().collect(Collectors.toMap(code, Function.identity()));
    }
}
