package harvest.sms.texts;

import harvest.drying.DryingSite;
import harvest.drying.DryingSiteLedger;
import harvest.planning.Assignment;
import harvest.planning.AssignmentStore;
import harvest.planning.Plan;
import harvest.planning.PlanStore;
import harvest.sms.SmsSettings;
import harvest.sms.outbox.SmsKind;
import harvest.sms.outbox.SmsLanguage;
import harvest.sms.outbox.SmsOutbox;
import harvest.sms.outbox.SmsRecipient;
import harvest.system.DistrictTime;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import harvest.system.cluster.ClusterJob;
import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Each evening, every drying site with a contact number gets the next day's expected intake from the published
 * plan, in two-hour blocks by when the harvest it takes in ends.
 */
@Singleton
public class DryingIntakeTexts implements ClusterJob {
    private static final int BLOCK_HOURS = 2;

    private final PlanStore plans;
    private final AssignmentStore assignments;
    private final DryingSiteLedger sites;
    private final SmsOutbox outbox;
    private final SmsSettings settings;
    private final Clock clock;
    private final String cron;

    public DryingIntakeTexts(PlanStore plans, AssignmentStore assignments, DryingSiteLedger sites, SmsOutbox outbox, SmsSettings settings,
                             Clock clock, @Value("${harvest.sms.drying-intake-cron:0 0 18 * * *}") String cron) {
        this.cron = cron;
        this.clock = clock;
        this.plans = plans;
        this.assignments = assignments;
        this.sites = sites;
        this.outbox = outbox;
        this.settings = settings;
    }

    @Override
    public String name() {
        return "drying-sites-intake";
    }

    @Override
    public Schedule schedule() {
        return Schedules.cron(cron, DistrictTime.ZONE);
    }

    @Override
    public void run() {
        queueFor(LocalDate.now(clock).plusDays(1));
    }

    /** Queues one text per drying site that takes in grain on {@code day}; returns how many. */
    @Transactional
    public int queueFor(LocalDate day) {
        Optional<Plan> published = plans.published();
        if (published.isEmpty()) {
            return 0;
        }
        Map<String, List<Assignment>> bySite = assignments.list(published.get().id(), null, null).stream()
                .filter(a -> a.dryingSiteCode() != null && a.end().toLocalDate().equals(day))
                .collect(Collectors.groupingBy(Assignment::dryingSiteCode, TreeMap::new, Collectors.toList()));
        SmsTemplates templates = new SmsTemplates(settings.getMaxSegments());
        OffsetDateTime midnight = day.atStartOfDay(DistrictTime.ZONE).toOffsetDateTime();
        List<SmsOutbox.NewText> texts = new ArrayList<>();
        bySite.forEach((code, intake) -> {
            DryingSite site = sites.getByCode(code);
            if (site.contactPhone() == null) {
                return;
            }
            Map<Integer, Long> kgByBlock = intake.stream().collect(Collectors.groupingBy(a -> a.end().getHour() / BLOCK_HOURS,
                    TreeMap::new, Collectors.summingLong(a -> Math.round(a.yieldKg()))));
            List<SmsTemplates.Intake> blocks = kgByBlock.entrySet().stream().map(e -> new SmsTemplates.Intake(
                    midnight.plusHours((long) e.getKey() * BLOCK_HOURS), midnight.plusHours((long) (e.getKey() + 1) * BLOCK_HOURS),
                    e.getValue())).toList();
            texts.add(new SmsOutbox.NewText(SmsKind.DRYING_INTAKE, SmsRecipient.DRYING_SITE, code, site.contactPhone(), SmsLanguage.ZH,
                    templates.dryingIntake(SmsLanguage.ZH, site.name(), midnight, blocks), false, published.get().id(),
                    intake.stream().map(Assignment::chunkId).toList()));
        });
        outbox.queue(texts, settings.getValidity());
        return texts.size();
    }
}
