package harvest.drying;

import harvest.weather.WorkCalendar;

/**
 * How much a site takes in on each day: dryers and indoor floors their full capacity, an open yard the share of
 * its daytime that is not wet (rule 6).
 */
public final class DailyCapacity {
    /** Open yards dry in sunshine: their capacity on a day is scaled by the share of these hours that are not wet. */
    private static final int YARD_DAY_START = 8;
    private static final int YARD_DAY_END = 18;

    private DailyCapacity() {
    }

    /** A site's intake day by day: full capacity, or for an open yard the share of 08:00-18:00 that is not wet. */
    public static long[] kgPerDay(long fullKg, boolean yard, WorkCalendar calendar, int days) {
        long[] perDay = new long[days];
        for (int day = 0; day < days; day++) {
            perDay[day] = yard ? Math.round(fullKg * dryShare(calendar, day)) : fullKg;
        }
        return perDay;
    }

    private static double dryShare(WorkCalendar calendar, int day) {
        int from = (day * 24 + YARD_DAY_START) * 60;
        int to = (day * 24 + YARD_DAY_END) * 60;
        return 1.0 - calendar.wetHours(from, to) / (double) (YARD_DAY_END - YARD_DAY_START);
    }
}
