package harvest.dispatch;

import harvest.field.Field;
import harvest.field.FieldLedger;
import harvest.planning.Assignment;
import harvest.planning.AssignmentStatus;
import harvest.planning.Plan;
import harvest.planning.AssignmentStore;
import harvest.planning.PlanStore;
import harvest.weather.Segment;
import harvest.weather.Windows;
import harvest.weather.WindowsChanged;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A new forecast that puts published work in rain or dry-out flags the work not yet started, records a
 * disruption for the draft re-plan, and raises {@link RainThreatened} for the urgent alerts to the operators of
 * all of it, in progress or not, all in the forecast's transaction.
 */
@Singleton
public class RainDisruptions implements ApplicationEventListener<WindowsChanged> {
    private final PlanStore plans;
    private final AssignmentStore assignments;
    private final Windows windows;
    private final FieldLedger fields;
    private final Disruptions disruptions;
    private final AssignmentWork work;
    private final ApplicationEventPublisher<RainThreatened> events;

    public RainDisruptions(PlanStore plans, AssignmentStore assignments, Windows windows, FieldLedger fields, Disruptions disruptions, AssignmentWork work,
                        ApplicationEventPublisher<RainThreatened> events) {
        this.work = work;
        this.plans = plans;
        this.assignments = assignments;
        this.windows = windows;
        this.fields = fields;
        this.disruptions = disruptions;
        this.events = events;
    }

    @Override
    public void onApplicationEvent(WindowsChanged event) {
        Plan published = plans.published().orElse(null);
        if (published == null) {
            return;
        }
        Map<String, Field> fieldsByCode = fields.all(true).stream().collect(Collectors.toMap(Field::code, Function.identity()));
        Map<String, List<Segment>> timelines = windows.timelines(event.communities(), event.from(), event.to());
        // work already flagged has had its alert; work in progress gets one but stays where it is
        List<Assignment> threatened = assignments.list(published.id(), null, null).stream()
                .filter(a -> (a.status().pending() || a.status() == AssignmentStatus.IN_PROGRESS) && !a.needsReplan())
                .filter(a -> rainedOn(a, timelines.get(fieldsByCode.get(a.fieldCode()).communityCode())))
                .toList();
        if (threatened.isEmpty()) {
            return;
        }
        List<String> toMove = threatened.stream().filter(a -> a.status().pending()).map(Assignment::chunkId).toList();
        if (!toMove.isEmpty()) {
            work.flag(published.id(), toMove, "rain in forecast " + event.forecastId());
            TreeSet<String> communities = threatened.stream().map(a -> fieldsByCode.get(a.fieldCode()).communityCode())
                    .collect(Collectors.toCollection(TreeSet::new));
            disruptions.record(DisruptionKind.RAIN, String.join(",", communities), "forecast " + event.forecastId() + " puts "
                    + toMove.size() + " job(s) not yet started in rain or dry-out", published.id(), toMove.size());
        }
        events.publishEvent(new RainThreatened(published.id(), threatened));
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
