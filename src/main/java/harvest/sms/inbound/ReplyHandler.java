package harvest.sms.inbound;

import harvest.dispatch.AssignmentWork;
import harvest.dispatch.NotReadyDisruptions;
import harvest.farmer.Farmer;
import harvest.farmer.FarmerLedger;
import harvest.field.Field;
import harvest.field.FieldLedger;
import harvest.machine.Machine;
import harvest.machine.MachineBreakdowns;
import harvest.machine.MachineLedger;
import harvest.planning.Assignment;
import harvest.planning.AssignmentStatus;
import harvest.planning.AssignmentStore;
import harvest.planning.Plan;
import harvest.planning.PlanStore;
import harvest.sms.SmsSettings;
import harvest.sms.outbox.SmsKind;
import harvest.sms.outbox.SmsLanguage;
import harvest.sms.outbox.SmsOptOuts;
import harvest.sms.outbox.SmsOutbox;
import harvest.sms.outbox.SmsRecipient;
import harvest.sms.texts.SmsTemplates;
import harvest.system.Actor;
import harvest.system.web.ExpectedVersion;
import harvest.team.Team;
import harvest.team.TeamLedger;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Acts on a reply through the services the REST API uses: confirm and done move the sender's assignments of the
 * published plan, breakdown reports the operator's combine broken, stop and start switch the number's opt-out,
 * anything else gets the help text and is shown to the dispatcher. Each provider message id is acted on once.
 */
@Singleton
public class ReplyHandler {
    private final InboundStore inbound;
    private final SmsOutbox outbox;
    private final SmsOptOuts optOuts;
    private final SmsSettings settings;
    private final PlanStore plans;
    private final AssignmentStore assignments;
    private final MachineLedger machines;
    private final MachineBreakdowns breakdowns;
    private final FarmerLedger farmers;
    private final FieldLedger fields;
    private final TeamLedger teams;
    private final AssignmentWork work;
    private final NotReadyDisruptions notReady;

    public ReplyHandler(InboundStore inbound, SmsOutbox outbox, SmsOptOuts optOuts, SmsSettings settings, PlanStore plans, AssignmentStore assignments, MachineLedger machines,
                        MachineBreakdowns breakdowns, FarmerLedger farmers, FieldLedger fields, TeamLedger teams,
                        AssignmentWork work, NotReadyDisruptions notReady) {
        this.inbound = inbound;
        this.outbox = outbox;
        this.optOuts = optOuts;
        this.settings = settings;
        this.plans = plans;
        this.assignments = assignments;
        this.machines = machines;
        this.breakdowns = breakdowns;
        this.farmers = farmers;
        this.fields = fields;
        this.teams = teams;
        this.work = work;
        this.notReady = notReady;
    }

    /** Who texted: an operator (by combine), a farmer, a team leader, or someone the ledgers do not know. */
    private record Sender(@Nullable Machine machine, @Nullable Farmer farmer, @Nullable Team team) {
        SmsLanguage language() {
            return farmer == null ? SmsLanguage.ZH : SmsLanguage.of(farmer.language());
        }

        /** How the audit log names them. */
        String actor(String phone) {
            String who = machine != null ? "operator of " + machine.code() : farmer != null ? "farmer " + farmer.code()
                    : team != null ? "leader of " + team.code() : "unknown number " + phone;
            return who + " by SMS";
        }
    }

    private record Done(String action, boolean needsAttention) {
    }

    @Transactional
    public InboundText handle(String sid, String phone, String body) {
        Intent intent = Intent.of(body);
        // claiming the message id first makes a second delivery of the same text wait, then do nothing
        if (!inbound.insert(sid, phone, body, intent, "received", false)) {
            return inbound.bySid(sid).orElseThrow();
        }
        Sender sender = identify(phone);
        Done done = Actor.as(sender.actor(phone), () -> act(intent, phone, sender));
        inbound.settle(sid, done.action(), done.needsAttention());
        return inbound.bySid(sid).orElseThrow();
    }

    private Sender identify(String phone) {
        Machine machine = machines.where("operatorPhone", phone).stream().findFirst().orElse(null);
        Farmer farmer = farmers.where("phone", phone).stream().findFirst().orElse(null);
        Team team = teams.where("leaderPhone", phone).stream().findFirst().orElse(null);
        return new Sender(machine, farmer, team);
    }

    private Done act(Intent intent, String phone, Sender sender) {
        return switch (intent) {
            case CONFIRM -> confirm(sender);
            case DONE -> sender.machine() == null ? attention("only an operator can report work done")
                    : finishCurrentJob(sender.machine());
            case RESCHEDULE -> sender.farmer() == null ? attention("asks to reschedule, but is no farmer")
                    : putOff(sender.farmer());
            case BREAKDOWN -> {
                if (sender.machine() == null) {
                    yield attention("reports a breakdown, but is no combine's operator");
                }
                breakdowns.report(sender.machine().code());
                yield attention(sender.machine().code() + " reported broken; its pending work is flagged for re-planning");
            }
            case STOP, START -> optOut(phone, sender, intent == Intent.STOP);
            case HELP -> help(phone, sender, false);
            case UNKNOWN -> help(phone, sender, true);
        };
    }

    /** Confirms the sender's work not yet started: an operator's next working day, a farmer's fields. */
    private Done confirm(Sender sender) {
        Optional<Plan> published = plans.published();
        if (published.isEmpty()) {
            return attention("nothing to confirm: no plan is published");
        }
        List<Assignment> planned;
        if (sender.machine() != null) {
            List<Assignment> open = assignments.list(published.get().id(), sender.machine().code(), null).stream()
                    .filter(a -> a.status().canBecome(AssignmentStatus.CONFIRMED)).toList();
            LocalDate day = open.stream().map(a -> a.start().toLocalDate()).min(Comparator.naturalOrder()).orElse(null);
            planned = open.stream().filter(a -> a.start().toLocalDate().equals(day)).toList();
        } else if (sender.farmer() != null) {
            Set<String> theirs = fields.where("farmerCode", sender.farmer().code()).stream().map(Field::code).collect(Collectors.toSet());
            planned = assignments.list(published.get().id(), null, null).stream()
                    .filter(a -> theirs.contains(a.fieldCode()) && a.status().canBecome(AssignmentStatus.CONFIRMED)).toList();
        } else {
            return attention("a confirmation from a number with no planned work");
        }
        planned.forEach(a -> work.move(published.get().id(), a.chunkId(), AssignmentStatus.CONFIRMED));
        return new Done("confirmed " + planned.size() + " assignment(s) of plan " + published.get().id(), planned.isEmpty());
    }

    /**
     * The operator's job in progress, or else the earliest not started, becomes DONE with the chunk's planned mu
     * and yield: a text carries no measurements, the dispatcher corrects them if needed.
     */
    private Done finishCurrentJob(Machine machine) {
        Optional<Plan> published = plans.published();
        List<Assignment> open = published.stream()
                .flatMap(p -> assignments.list(p.id(), machine.code(), null).stream())
                .filter(a -> a.status() == AssignmentStatus.IN_PROGRESS || a.status().pending()).toList();
        Optional<Assignment> current = open.stream().filter(a -> a.status() == AssignmentStatus.IN_PROGRESS).findFirst()
                .or(() -> open.stream().findFirst());
        if (current.isEmpty()) {
            return attention("reports work done, but " + machine.code() + " has no unfinished work in the published plan");
        }
        long plan = published.get().id();
        Assignment job = current.get();
        if (job.status() != AssignmentStatus.IN_PROGRESS) {
            work.move(plan, job.chunkId(), AssignmentStatus.IN_PROGRESS);
        }
        work.finish(plan, job.chunkId(), Math.max(job.areaMu(), job.doneMu()), job.yieldKg() / 1000);
        return new Done(current.get().chunkId() + " done on " + machine.code(), false);
    }

    private Done optOut(String phone, Sender sender, boolean out) {
        if (sender.farmer() != null) {
            Farmer farmer = sender.farmer();
            farmers.setSmsOptOut(farmer.id(), new ExpectedVersion(farmer.version(), false), out);
        } else {
            optOuts.optOut(phone, out);
        }
        return new Done(out ? "opted out of texts" : "opted in to texts again", false);
    }

    private Done help(String phone, Sender sender, boolean notUnderstood) {
        SmsLanguage language = sender.language();
        outbox.queue(List.of(new SmsOutbox.NewText(SmsKind.HELP_REPLY, role(sender), code(sender), phone, language,
                new SmsTemplates(settings.getMaxSegments()).help(language), false, null)), settings.getValidity());
        return new Done(notUnderstood ? "not understood; sent the help text" : "sent the help text", notUnderstood);
    }

    /** Every field of the household whose harvest has not started is put off; the dispatcher sees the reply. */
    private Done putOff(Farmer farmer) {
        List<String> codes = fields.where("farmerCode", farmer.code()).stream()
                .filter(f -> f.status().waitingForCombine())
                .map(Field::code).sorted().toList();
        codes.forEach(notReady::notReady);
        return attention(codes.isEmpty() ? "says not ready, but no field of theirs is waiting for a combine"
                : "not ready: " + String.join(", ", codes) + " put off and flagged for re-planning");
    }

    private static Done attention(String action) {
        return new Done(action, true);
    }

    private static SmsRecipient role(Sender sender) {
        return sender.machine() != null ? SmsRecipient.OPERATOR : sender.farmer() != null ? SmsRecipient.FARMER
                : sender.team() != null ? SmsRecipient.TEAM_LEADER : SmsRecipient.OTHER;
    }

    private static String code(Sender sender) {
        return sender.machine() != null ? sender.machine().code() : sender.farmer() != null ? sender.farmer().code()
                : sender.team() != null ? sender.team().code() : "-";
    }
}
