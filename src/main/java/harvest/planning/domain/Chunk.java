package harvest.planning.domain;

import harvest.weather.WorkCalendar;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.entity.PlanningPin;
import ai.timefold.solver.core.api.domain.common.PlanningId;
import ai.timefold.solver.core.api.domain.variable.CascadingUpdateShadowVariable;
import ai.timefold.solver.core.api.domain.variable.InverseRelationShadowVariable;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;
import ai.timefold.solver.core.api.domain.variable.PreviousElementShadowVariable;

/**
 * A field, or a part of a field over the split size, to be harvested by one combine in one go. When its
 * harvest starts and ends follows from the combine's previous job, the road between them, ripeness and the
 * community's workable hours. It also chooses where its grain dries and, for a labour-short or elderly
 * household, which team helps. Its length is Timefold's: every variable and shadow needs its getter and setter.
 */
@PlanningEntity
public class Chunk {
    @PlanningId
    private String id;
    private String fieldCode;
    private String crop;
    private double areaMu;
    private double yieldKg;
    private Place place;
    private int ripeFrom;
    private boolean needsTeam;
    private WorkCalendar calendar;
    private WorkRules rules;
    /** Started or confirmed in the published plan: its combine, order, drying site and team stay. */
    @PlanningPin
    private boolean pinned;
    /** The combine the published plan gave it, if a plan is being revised; null otherwise. */
    private String publishedMachine;
    /**
     * The start held back to this minute by the plan's construction: grain cut before a full drying queue can take
     * it loses faster waiting than standing (rule 7), so a combine may wait for the queue on a dry day.
     */
    private int notBefore;

    @PlanningVariable(allowsUnassigned = true)
    private DryingCapacity dryingSite;
    @PlanningVariable(allowsUnassigned = true)
    private VolunteerTeam team;

    @InverseRelationShadowVariable(sourceVariableName = "chunks")
    private Harvester harvester;
    @PreviousElementShadowVariable(sourceVariableName = "chunks")
    private Chunk previous;
    @CascadingUpdateShadowVariable(targetMethodName = "updateSchedule")
    private Integer start;
    @CascadingUpdateShadowVariable(targetMethodName = "updateSchedule")
    private Integer end;
    @CascadingUpdateShadowVariable(targetMethodName = "updateSchedule")
    private Double roadKm;

    public Chunk() {
    }

    public Chunk(String id, String fieldCode, String crop, double areaMu, double yieldKg, Place place, int ripeFrom,
                 boolean needsTeam, WorkCalendar calendar, WorkRules rules) {
        this.id = id;
        this.fieldCode = fieldCode;
        this.crop = crop;
        this.areaMu = areaMu;
        this.yieldKg = yieldKg;
        this.place = place;
        this.ripeFrom = ripeFrom;
        this.needsTeam = needsTeam;
        this.calendar = calendar;
        this.rules = rules;
    }

    /** Road from the previous job (or the base), then the first workable hour once ripe, then the work itself. */
    public void updateSchedule() {
        if (harvester == null) {
            start = null;
            end = null;
            roadKm = null;
            return;
        }
        Slot slot = slotAfter(harvester, previous, previous == null ? harvester.getAvailableFrom() : previous.end);
        roadKm = slot.roadKm();
        start = slot.start();
        end = slot.end();
    }

    /** When {@code harvester}, free at {@code ready} after {@code before} (null: at its base), would harvest this chunk. */
    public Slot slotAfter(Harvester harvester, Chunk before, int ready) {
        Place from = before == null ? harvester.getBase() : before.place;
        double km = rules.roadKm(from, place);
        int arrival = ready == WorkCalendar.NEVER ? WorkCalendar.NEVER : ready + rules.travelMinutes(km);
        int begin = calendar.firstWorkable(Math.max(arrival, Math.max(ripeFrom, notBefore)));
        boolean sameField = before != null && before.fieldCode.equals(fieldCode);
        return new Slot(km, begin, calendar.finish(begin, rules.workMinutes(areaMu, harvester.getCapacityMuPerHour(), sameField)));
    }

    /** Road to a chunk, and when its harvest would start and end ({@link WorkCalendar#NEVER} if not in the horizon). */
    public record Slot(double roadKm, int start, int end) {
    }

    public boolean isScheduled() {
        return harvester != null;
    }

    /** Assigned, and done inside the horizon and the combine's availability. */
    public boolean isFinishedInTime() {
        return harvester != null && end != null && end != WorkCalendar.NEVER && end <= harvester.getAvailableUntil();
    }

    /** The day of the horizon (0 = the first) on which the grain comes off the field. */
    public int harvestDay() {
        return end / 1440;
    }

    /** Its grain reaching its drying site's queue (rule 6: the day it is cut). */
    public DryingQueue.Arrival arrival() {
        return new DryingQueue.Arrival(end, id, yieldKg);
    }

    public String getId() {
        return id;
    }

    public String getFieldCode() {
        return fieldCode;
    }

    public String getCrop() {
        return crop;
    }

    public double getAreaMu() {
        return areaMu;
    }

    public double getYieldKg() {
        return yieldKg;
    }

    public Place getPlace() {
        return place;
    }

    public int getRipeFrom() {
        return ripeFrom;
    }

    public boolean isNeedsTeam() {
        return needsTeam;
    }

    public WorkCalendar getCalendar() {
        return calendar;
    }

    public WorkRules getRules() {
        return rules;
    }

    public boolean isPinned() {
        return pinned;
    }

    public void setPinned(boolean pinned) {
        this.pinned = pinned;
    }

    public int getNotBefore() {
        return notBefore;
    }

    public void setNotBefore(int notBefore) {
        this.notBefore = notBefore;
    }

    public String getPublishedMachine() {
        return publishedMachine;
    }

    public void setPublishedMachine(String publishedMachine) {
        this.publishedMachine = publishedMachine;
    }

    /** Published on one combine and now on another, or dropped. */
    public boolean isMovedFromPublished() {
        return publishedMachine != null && (harvester == null || !harvester.getCode().equals(publishedMachine));
    }

    public DryingCapacity getDryingSite() {
        return dryingSite;
    }

    public void setDryingSite(DryingCapacity dryingSite) {
        this.dryingSite = dryingSite;
    }

    public VolunteerTeam getTeam() {
        return team;
    }

    public void setTeam(VolunteerTeam team) {
        this.team = team;
    }

    public Harvester getHarvester() {
        return harvester;
    }

    public void setHarvester(Harvester harvester) {
        this.harvester = harvester;
    }

    public Chunk getPrevious() {
        return previous;
    }

    public void setPrevious(Chunk previous) {
        this.previous = previous;
    }

    public Integer getStart() {
        return start;
    }

    public void setStart(Integer start) {
        this.start = start;
    }

    public Integer getEnd() {
        return end;
    }

    public void setEnd(Integer end) {
        this.end = end;
    }

    public Double getRoadKm() {
        return roadKm;
    }

    public void setRoadKm(Double roadKm) {
        this.roadKm = roadKm;
    }

    @Override
    public String toString() {
        return id;
    }
}
