package harvest.sms;

import harvest.farmer.Farmer;
import harvest.farmer.FarmerLedger;
import harvest.field.Field;
import harvest.field.FieldLedger;
import harvest.machine.Machine;
import harvest.machine.MachineBreakdowns;
import harvest.machine.MachineLedger;
import harvest.planning.Assignment;
import harvest.planning.AssignmentStatus;
import harvest.planning.Plan;
import harvest.planning.PlanStore;
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
    private final SmsSettings settings;
    private final PlanStore plans;
    private final MachineLedger machines;
    private final MachineBreakdowns breakdowns;
    private final FarmerLedger farmers;
    private final FieldLedger fields;
    private final TeamLedger teams;

    public ReplyHandler(InboundStore inbound, SmsOutbox outbox, SmsSettings settings, PlanStore plans, MachineLedger machines,
                        MachineBreakdowns breakdowns, FarmerLedger farmers, FieldLedger fields, TeamLedger teams) {
        this.inbound = inbound;
        this.outbox = outbox;
        this.settings = settings;
        this.plans = plans;
        this.machines = machines;
        this.breakdowns = breakdowns;
        this.farmers = farmers;
        this.fields = fields;
        this.teams = teams;
    }

    /** Who texted: an operator (by combine), a farmer, a team leader, or someone the ledgers do not know. */
    private record Sender(@Nullable Machine machine, @Nullable Farmer farmer, @Nullable Team team) {
        SmsLanguage language() {
            return farmer == null ? SmsLanguage.ZH : SmsLanguage.of(farmer.language());
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
        Done done = act(intent, phone, sender);
        inbound.settle(sid, done.action(), done.needsAttention());
        return inbound.bySid(sid).orElseThrow();
    }

    private Sender identify(String phone) {
        Machine machine = machines.all(false).stream().filter(m -> phone.equals(m.operatorPhone())).findFirst().orElse(null);
        Farmer farmer = farmers.all(false).stream().filter(f -> phone.equals(f.phone())).findFirst().orElse(null);
        Team team = teams.all(false).stream().filter(t -> phone.equals(t.leaderPhone())).findFirst().orElse(null);
        return new Sender(machine, farmer, team);
    }

    private Done act(Intent intent, String phone, Sender sender) {
        return switch (intent) {
            case CONFIRM -> move(sender, AssignmentStatus.CONFIRMED);
            case DONE -> sender.machine() == null ? attention("only an operator can report work done")
                    : finishCurrentJob(sender.machine());
            case RESCHEDULE -> attention("asks to reschedule" + (sender.farmer() == null ? "" : ": " + fieldsOf(sender.farmer())));
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

    /** Confirms the sender's planned work: an operator's next working day, a farmer's fields. */
    private Done move(Sender sender, AssignmentStatus to) {
        Optional<Plan> published = plans.published();
        if (published.isEmpty()) {
            return attention("nothing to confirm: no plan is published");
        }
        List<Assignment> planned;
        if (sender.machine() != null) {
            List<Assignment> open = plans.assignments(published.get().id(), sender.machine().code(), null).stream()
                    .filter(a -> a.status() == AssignmentStatus.PLANNED).toList();
            LocalDate day = open.stream().map(a -> a.start().toLocalDate()).min(Comparator.naturalOrder()).orElse(null);
            planned = open.stream().filter(a -> a.start().toLocalDate().equals(day)).toList();
        } else if (sender.farmer() != null) {
            Set<String> theirs = fields.all(false).stream().filter(f -> f.farmerCode().equals(sender.farmer().code()))
                    .map(Field::code).collect(Collectors.toSet());
            planned = plans.assignments(published.get().id(), null, null).stream()
                    .filter(a -> theirs.contains(a.fieldCode()) && a.status() == AssignmentStatus.PLANNED).toList();
        } else {
            return attention("a confirmation from a number with no planned work");
        }
        planned.forEach(a -> plans.changeStatus(published.get().id(), a.chunkId(), to));
        return new Done(to.name().toLowerCase() + " " + planned.size() + " assignment(s) of plan " + published.get().id(), planned.isEmpty());
    }

    /** The operator's earliest unfinished job becomes DONE (through STARTED if it had not been reported started). */
    private Done finishCurrentJob(Machine machine) {
        Optional<Plan> published = plans.published();
        Optional<Assignment> current = published.stream()
                .flatMap(p -> plans.assignments(p.id(), machine.code(), null).stream())
                .filter(a -> a.status() != AssignmentStatus.DONE).findFirst();
        if (current.isEmpty()) {
            return attention("reports work done, but " + machine.code() + " has no unfinished work in the published plan");
        }
        long plan = published.get().id();
        if (current.get().status() != AssignmentStatus.STARTED) {
            plans.changeStatus(plan, current.get().chunkId(), AssignmentStatus.STARTED);
        }
        plans.changeStatus(plan, current.get().chunkId(), AssignmentStatus.DONE);
        return new Done(current.get().chunkId() + " done on " + machine.code(), false);
    }

    private Done optOut(String phone, Sender sender, boolean out) {
        if (sender.farmer() != null) {
            Farmer farmer = sender.farmer();
            farmers.setSmsOptOut(farmer.id(), new ExpectedVersion(farmer.version(), false), out);
        } else {
            outbox.optOut(phone, out);
        }
        return new Done(out ? "opted out of texts" : "opted in to texts again", false);
    }

    private Done help(String phone, Sender sender, boolean notUnderstood) {
        SmsLanguage language = sender.language();
        outbox.queue(List.of(new SmsOutbox.NewText(SmsKind.HELP_REPLY, role(sender), code(sender), phone, language,
                new SmsTemplates(settings.getMaxSegments()).help(language), false, null)), settings.getValidity());
        return new Done(notUnderstood ? "not understood; sent the help text" : "sent the help text", notUnderstood);
    }

    private String fieldsOf(Farmer farmer) {
        return fields.all(false).stream().filter(f -> f.farmerCode().equals(farmer.code())).map(Field::code).sorted()
                .collect(Collectors.joining(", "));
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
