package harvest.sms;

import harvest.field.Field;
import harvest.field.FieldLedger;
import harvest.machine.Machine;
import harvest.machine.MachineLedger;
import harvest.planning.Assignment;
import harvest.planning.AssignmentStatus;
import harvest.planning.Plan;
import harvest.planning.PlanStore;
import harvest.weather.Segment;
import harvest.weather.Windows;
import harvest.weather.WindowsChanged;
import io.micronaut.context.event.ApplicationEventListener;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * When a new forecast changes windows, every operator with unfinished published work that now falls in rain or
 * dry-out gets an urgent text (sent even in quiet hours), queued in the forecast's own transaction.
 */
@Singleton
public class RainAlerts implements ApplicationEventListener<WindowsChanged> {
    private final PlanStore plans;
    private final Windows windows;
    private final FieldLedger fields;
    private final MachineLedger machines;
    private final SmsOutbox outbox;
    private final SmsSettings settings;

    public RainAlerts(PlanStore plans, Windows windows, FieldLedger fields, MachineLedger machines, SmsOutbox outbox,
                      SmsSettings settings) {
        this.plans = plans;
        this.windows = windows;
        this.fields = fields;
        this.machines = machines;
        this.outbox = outbox;
        this.settings = settings;
    }

    @Override
    public void onApplicationEvent(WindowsChanged event) {
        Optional<Plan> published = plans.published();
        if (published.isEmpty()) {
            return;
        }
        Map<String, Field> fieldsByCode = fields.all(true).stream().collect(Collectors.toMap(Field::code, Function.identity()));
        Map<String, List<Segment>> timelines = windows.timelines(event.communities(), event.from(), event.to());
        Map<String, List<Assignment>> threatened = plans.assignments(published.get().id(), null, null).stream()
                .filter(a -> a.status() != AssignmentStatus.DONE)
                .filter(a -> rainedOn(a, timelines.get(fieldsByCode.get(a.fieldCode()).communityCode())))
                .collect(Collectors.groupingBy(Assignment::machineCode, TreeMap::new, Collectors.toList()));
        SmsTemplates templates = new SmsTemplates(settings.getMaxSegments());
        List<SmsOutbox.NewText> texts = new ArrayList<>();
        threatened.forEach((code, jobs) -> {
            Machine machine = machines.getByCode(code);
            if (machine.operatorPhone() != null) {
                texts.add(new SmsOutbox.NewText(SmsKind.RAIN_ALERT, SmsRecipient.OPERATOR, code, machine.operatorPhone(), SmsLanguage.ZH,
                        templates.rainAlert(SmsLanguage.ZH, machine.plate() == null ? code : machine.plate(), jobs.stream()
                                .map(a -> new SmsTemplates.Threatened(fieldsByCode.get(a.fieldCode()).name(), a.start())).toList()),
                        true, published.get().id(), jobs.stream().map(Assignment::chunkId).toList()));
            }
        });
        outbox.queue(texts, settings.getValidity());
    }

    /**
     * A published job starts and ends in workable hours (it may pause for rain the plan foresaw in between), so a
     * start or a last minute now in rain or dry-out is what the new forecast changed.
     */
    private static boolean rainedOn(Assignment job, List<Segment> timeline) {
        return timeline != null && (inRain(job.start().toInstant(), timeline) || inRain(job.end().toInstant().minusSeconds(60), timeline));
    }

    private static boolean inRain(Instant instant, List<Segment> timeline) {
        return timeline.stream().anyMatch(segment -> segment.rainy() && segment.overlaps(instant, instant.plusSeconds(1)));
    }
}
