package harvest.planning.domain;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.entity.PlanningPinToIndex;
import ai.timefold.solver.core.api.domain.common.PlanningId;
import ai.timefold.solver.core.api.domain.variable.PlanningListVariable;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A combine and its operator: the chunks it harvests, in order, from its base. */
@PlanningEntity
public class Harvester {
    @PlanningId
    private String code;
    private double capacityMuPerHour;
    private Set<String> crops;
    private Place base;
    private int availableFrom;
    private int availableUntil;

    /** Its first jobs are started or confirmed in the published plan and stay as they are. */
    @PlanningPinToIndex
    private int firstUnpinned;

    @PlanningListVariable(allowsUnassignedValues = true)
    private List<Chunk> chunks = new ArrayList<>();

    public Harvester() {
    }

    public Harvester(String code, double capacityMuPerHour, Set<String> crops, Place base, int availableFrom, int availableUntil) {
        this.code = code;
        this.capacityMuPerHour = capacityMuPerHour;
        this.crops = Set.copyOf(crops);
        this.base = base;
        this.availableFrom = availableFrom;
        this.availableUntil = availableUntil;
    }

    public boolean canHarvest(String crop) {
        return crops.contains(crop);
    }

    public String getCode() {
        return code;
    }

    public double getCapacityMuPerHour() {
        return capacityMuPerHour;
    }

    public Place getBase() {
        return base;
    }

    public int getAvailableFrom() {
        return availableFrom;
    }

    public int getAvailableUntil() {
        return availableUntil;
    }

    public int getFirstUnpinned() {
        return firstUnpinned;
    }

    public void setFirstUnpinned(int firstUnpinned) {
        this.firstUnpinned = firstUnpinned;
    }

    public List<Chunk> getChunks() {
        return chunks;
    }

    public void setChunks(List<Chunk> chunks) {
        this.chunks = chunks;
    }

    @Override
    public String toString() {
        return code;
    }
}
