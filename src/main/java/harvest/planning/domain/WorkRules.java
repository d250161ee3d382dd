package harvest.planning.domain;

/**
 * Planning rules 3, 4 and 8: how long work and travel take, how fields are split, when teams work.
 * Times of day are minutes after local midnight; the plan starts at a local midnight.
 */
public record WorkRules(double chunkMaxMu, double setupHours, double roadFactor, double roadSpeedKmh,
                        int teamDayStart, int teamDayEnd) {

    public static final WorkRules DEFAULT = new WorkRules(40, 0.25, 1.3, 20, 7 * 60, 20 * 60);

    public double roadKm(Place from, Place to) {
        return from.greatCircleKm(to) * roadFactor;
    }

    public int travelMinutes(double roadKm) {
        return (int) Math.ceil(roadKm / roadSpeedKmh * 60);
    }

    /** Rule 3: area over capacity, plus the set-up unless the machine is carrying on with the same field. */
    public int workMinutes(double areaMu, double capacityMuPerHour, boolean sameFieldAsBefore) {
        return (int) Math.ceil((areaMu / capacityMuPerHour + (sameFieldAsBefore ? 0 : setupHours)) * 60);
    }

    /** Minutes of {@code [start, end)} that fall outside the teams' working day. */
    public int minutesOutsideTeamDay(int start, int end) {
        int outside = 0;
        for (int day = start / 1440; day * 1440 < end; day++) {
            int dayStart = day * 1440;
            int inside = Math.max(0, Math.min(end, dayStart + teamDayEnd) - Math.max(start, dayStart + teamDayStart));
            outside += Math.min(end, dayStart + 1440) - Math.max(start, dayStart) - inside;
        }
        return outside;
    }
}
