package harvest.planning;

import harvest.planning.domain.Chunk;
import harvest.planning.domain.DryingCapacity;
import harvest.planning.domain.HarvestPlan;
import harvest.planning.domain.Harvester;
import harvest.planning.domain.VolunteerTeam;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Lays the published plan over a fresh problem (latest forecast and ledgers). Each combine's confirmed or
 * in-progress work, and everything before it in its itinerary, is pinned: changing an earlier job would move the
 * confirmed one anyway. The planner starts from the whole published itinerary and pays for each job it moves;
 * the rule of thumb keeps only the pinned part and dispatches the rest afresh.
 */
public final class Revision {
    private final List<Assignment> published;
    private final @Nullable Instant pinStartedBefore;

    public Revision(List<Assignment> published, @Nullable Instant pinStartedBefore) {
        this.published = published;
        this.pinStartedBefore = pinStartedBefore;
    }

    public List<Assignment> published() {
        return published;
    }

    public Map<String, AssignmentStatus> statuses() {
        return published.stream().collect(Collectors.toMap(Assignment::chunkId, Assignment::status));
    }

    public void applyTo(HarvestPlan problem, Strategy strategy) {
        Map<String, Chunk> chunks = byKey(problem.getChunks(), Chunk::getId);
        Map<String, DryingCapacity> sites = byKey(problem.getDryingSites(), DryingCapacity::code);
        Map<String, VolunteerTeam> teams = byKey(problem.getTeams(), VolunteerTeam::code);
        Map<String, List<Assignment>> itineraries = published.stream()
                .sorted(Comparator.comparingInt(Assignment::sequence))
                .collect(Collectors.groupingBy(Assignment::machineCode));
        published.stream().filter(a -> chunks.containsKey(a.chunkId()))
                .forEach(a -> chunks.get(a.chunkId()).setPublishedMachine(a.machineCode()));
        for (Harvester harvester : problem.getHarvesters()) {
            // work called off, or flagged by a breakdown, rain or a field not ready, is planned afresh
            List<Assignment> itinerary = itineraries.getOrDefault(harvester.getCode(), List.of()).stream()
                    .filter(a -> chunks.containsKey(a.chunkId()) && !a.status().calledOff() && !a.needsReplan()).toList();
            int pinnedCount = 0;
            for (int i = 0; i < itinerary.size(); i++) {
                if (pins(itinerary.get(i))) {
                    pinnedCount = i + 1;
                }
            }
            List<Assignment> kept = strategy == Strategy.PLANNER ? itinerary : itinerary.subList(0, pinnedCount);
            for (int i = 0; i < kept.size(); i++) {
                Assignment assignment = kept.get(i);
                Chunk chunk = chunks.get(assignment.chunkId());
                chunk.setPinned(i < pinnedCount);
                chunk.setDryingSite(assignment.dryingSiteCode() == null ? null : sites.get(assignment.dryingSiteCode()));
                chunk.setTeam(assignment.teamCode() == null ? null : teams.get(assignment.teamCode()));
                harvester.getChunks().add(chunk);
            }
            harvester.setFirstUnpinned(pinnedCount);
        }
    }

    private boolean pins(Assignment assignment) {
        return assignment.status().pinsOnRevision() || pinStartedBefore != null && assignment.start().toInstant().isBefore(pinStartedBefore);
    }

    private static <K, V> Map<K, V> byKey(List<V> values, Function<V, K> key) {
        return values.stream().collect(Collectors.toMap(key, Function.identity()));
    }
}
