package harvest.planning.domain;

import harvest.weather.WorkCalendar;

/**
 * Planning rule 7: what grain a plan loses, in kg. Standing ripe wheat loses 0.5 % of its yield per dry day and
 * 0.1 % per wet hour, at most 30 %; harvested grain that no drying site takes loses nothing for 24 hours and
 * then 1.5 % per day.
 */
public record LossModel(double standingPerDryDay, double standingPerWetHour, double standingCap,
                        int waitingGraceHours, double waitingPerDay) {

    public static final LossModel DEFAULT = new LossModel(0.005, 0.001, 0.30, 24, 0.015);

    /** Loss of grain standing from {@code ripe} until {@code harvested} (minutes from the plan's start). */
    public double standingKg(double yieldKg, WorkCalendar calendar, int ripe, int harvested) {
        if (harvested <= ripe) {
            return 0;
        }
        double hours = (harvested - ripe) / 60.0;
        int wet = calendar.wetHours(ripe, harvested);
        double share = standingPerDryDay * Math.max(0, hours - wet) / 24.0 + standingPerWetHour * wet;
        return yieldKg * Math.min(standingCap, share);
    }

    /** Loss of grain harvested at {@code harvested} that waits in the open until {@code until}. */
    public double waitingKg(double yieldKg, int harvested, int until) {
        double hours = (until - harvested) / 60.0 - waitingGraceHours;
        return hours <= 0 ? 0 : yieldKg * waitingPerDay * hours / 24.0;
    }
}
