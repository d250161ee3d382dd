package harvest.weather;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One community's hours over the planning horizon, in minutes from the plan's start: which hours a combine
 * may work (rules 1-2, from the weather windows) and which are wet (for the loss model). Work that rain
 * interrupts resumes in the next workable hour, so finishing a job walks the workable hours.
 */
public final class WorkCalendar {
    /** A job that cannot start or finish before the horizon ends. */
    public static final int NEVER = Integer.MAX_VALUE;

    private final String communityCode;
    private final boolean[] workable;
    private final int[] wetBefore;

    public WorkCalendar(String communityCode, boolean[] workable, boolean[] wet) {
        if (workable.length != wet.length) {
            throw new IllegalArgumentException("workable and wet hours differ in length");
        }
        this.communityCode = communityCode;
        this.workable = workable.clone();
        this.wetBefore = new int[wet.length + 1];
        for (int h = 0; h < wet.length; h++) {
            wetBefore[h + 1] = wetBefore[h] + (wet[h] ? 1 : 0);
        }
    }

    /** A community's workable and wet hours over {@code horizon} minutes from {@code start}, read off its windows and gaps. */
    public static WorkCalendar of(String community, List<Segment> timeline, Instant start, int horizon) {
        boolean[] workable = new boolean[horizon / 60];
        boolean[] wet = new boolean[horizon / 60];
        for (Segment segment : timeline) {
            int first = (int) Duration.between(start, segment.start()).toMinutes() / 60;
            int last = (int) Duration.between(start, segment.end()).toMinutes() / 60;
            for (int h = Math.max(0, first); h < Math.min(workable.length, last); h++) {
                workable[h] = segment.workable();
                wet[h] = segment.reason() == GapReason.WET;
            }
        }
        return new WorkCalendar(community, workable, wet);
    }

    public String communityCode() {
        return communityCode;
    }

    /** Whether hour {@code hour} of the horizon may be worked. */
    public boolean workable(int hour) {
        return hour >= 0 && hour < workable.length && workable[hour];
    }

    /** The first minute at or after {@code from} inside a workable hour. */
    public int firstWorkable(int from) {
        for (int h = from / 60; h < workable.length; h++) {
            if (workable[h]) {
                return Math.max(from, h * 60);
            }
        }
        return NEVER;
    }

    /** When work needing {@code minutes} of workable time, begun at {@code start}, is done. */
    public int finish(int start, int minutes) {
        if (start == NEVER) {
            return NEVER;
        }
        int time = start;
        int remaining = minutes;
        for (int h = start / 60; h < workable.length; h++) {
            if (!workable[h]) {
                time = (h + 1) * 60;
                continue;
            }
            int taken = Math.min(remaining, (h + 1) * 60 - time);
            remaining -= taken;
            time += taken;
            if (remaining == 0) {
                return time;
            }
        }
        return NEVER;
    }

    /** Wet hours among the whole hours of {@code [from, to)}, both clamped to the horizon. */
    public int wetHours(int from, int to) {
        int first = Math.clamp(from / 60, 0, workable.length);
        int last = Math.clamp(to / 60, 0, workable.length);
        return last > first ? wetBefore[last] - wetBefore[first] : 0;
    }
}
