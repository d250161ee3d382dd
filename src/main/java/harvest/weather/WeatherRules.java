package harvest.weather;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.LocalTime;

/**
 * Planning rules 1 and 2 of the brief: when combines may work and which hours rain takes away. The field
 * values are the brief's defaults; {@code harvest.rules.*} overrides any of them.
 */
@ConfigurationProperties("harvest.rules")
public class WeatherRules {
    private LocalTime workStart = LocalTime.of(6, 0);
    private LocalTime workEnd = LocalTime.of(22, 0);
    private double wetPrecipitationMm = 0.2;
    private int wetProbabilityPct = 70;
    private double dryOutHoursPerMm = 1.0;
    private int dryOutMinHours = 2;
    private int dryOutMaxHours = 8;
    private int minWindowHours = 1;

    /** An hour is wet when either its rain or its chance of rain reaches the threshold. */
    public boolean isWet(double precipitationMm, int probabilityPct) {
        return precipitationMm >= wetPrecipitationMm || probabilityPct >= wetProbabilityPct;
    }

    /** Hours the ground needs after a spell of rain: per mm, rounded up, kept between the bounds. */
    public int dryOutHours(double spellMm) {
        int hours = (int) Math.ceil(spellMm * dryOutHoursPerMm - 1e-9);
        return Math.clamp(hours, dryOutMinHours, dryOutMaxHours);
    }

    /** Whether a whole hour starting at this local time lies inside the working day. */
    public boolean isWorkHour(LocalTime start) {
        LocalTime end = start.plusHours(1);
        boolean pastMidnight = end.isBefore(start);
        return !start.isBefore(workStart) && !pastMidnight && !end.isAfter(workEnd);
    }

    public LocalTime getWorkStart() {
        return workStart;
    }

    public void setWorkStart(LocalTime workStart) {
        this.workStart = workStart;
    }

    public LocalTime getWorkEnd() {
        return workEnd;
    }

    public void setWorkEnd(LocalTime workEnd) {
        this.workEnd = workEnd;
    }

    public double getWetPrecipitationMm() {
        return wetPrecipitationMm;
    }

    public void setWetPrecipitationMm(double wetPrecipitationMm) {
        this.wetPrecipitationMm = wetPrecipitationMm;
    }

    public int getWetProbabilityPct() {
        return wetProbabilityPct;
    }

    public void setWetProbabilityPct(int wetProbabilityPct) {
        this.wetProbabilityPct = wetProbabilityPct;
    }

    public double getDryOutHoursPerMm() {
        return dryOutHoursPerMm;
    }

    public void setDryOutHoursPerMm(double dryOutHoursPerMm) {
        this.dryOutHoursPerMm = dryOutHoursPerMm;
    }

    public int getDryOutMinHours() {
        return dryOutMinHours;
    }

    public void setDryOutMinHours(int dryOutMinHours) {
        this.dryOutMinHours = dryOutMinHours;
    }

    public int getDryOutMaxHours() {
        return dryOutMaxHours;
    }

    public void setDryOutMaxHours(int dryOutMaxHours) {
        this.dryOutMaxHours = dryOutMaxHours;
    }

    public int getMinWindowHours() {
        return minWindowHours;
    }

    public void setMinWindowHours(int minWindowHours) {
        this.minWindowHours = minWindowHours;
    }
}
