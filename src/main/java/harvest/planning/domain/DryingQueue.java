package harvest.planning.domain;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/**
 * Planning rule 6 for one site: each day it dries up to that day's capacity, first come first served, counted as
 * done at 12:00; what does not fit waits in its queue for a later day, and what is still there when the horizon
 * ends has waited until then. The waiting loss of rule 7 follows from how long each kilogram waited.
 */
public final class DryingQueue {
    /** A site's daily work counts as done at noon. */
    static final int DRIED_AT = 12 * 60;

    /** Grain reaching the site: the minute its chunk was cut (ties in the order of the chunk ids) and how much. */
    public record Arrival(int minute, String chunkId, double kg) implements Comparable<Arrival> {
        @Override
        public int compareTo(Arrival other) {
            int byMinute = Integer.compare(minute, other.minute);
            return byMinute != 0 ? byMinute : chunkId.compareTo(other.chunkId);
        }
    }

    /** One day at the site: kg arriving, dried, still queued at midnight, and the longest any of it has waited by then. */
    public record Day(int day, double arrivingKg, double driedKg, double waitingKg, int longestWaitMinutes) {
    }

    /** The kg lost waiting and the site's days. */
    public record Outcome(double lossKg, List<Day> days) {
    }

    private DryingQueue() {
    }

    /** The waiting loss alone, for the score: {@code arrivals} in arrival order. */
    public static double lossKg(DryingCapacity site, Collection<Arrival> arrivals, Horizon horizon) {
        return run(site, arrivals, horizon, false).lossKg();
    }

    /** The waiting loss and the site's days, {@code arrivals} in arrival order. */
    public static Outcome run(DryingCapacity site, Collection<Arrival> arrivals, Horizon horizon, boolean withDays) {
        LossModel loss = horizon.loss();
        Deque<double[]> queue = new ArrayDeque<>(); // {arrival minute, kg still waiting}
        Iterator<Arrival> incoming = arrivals.iterator();
        Arrival next = incoming.hasNext() ? incoming.next() : null;
        List<Day> days = withDays ? new ArrayList<>() : List.of();
        double lost = 0;
        for (int day = 0; day < horizon.days(); day++) {
            double arriving = 0;
            while (next != null && next.minute() / 1440 <= day) {
                queue.addLast(new double[] {next.minute(), next.kg()});
                arriving += next.kg();
                next = incoming.hasNext() ? incoming.next() : null;
            }
            int driedAt = day * 1440 + DRIED_AT;
            double room = site.kgOn(day);
            double dried = 0;
            int longest = 0;
            while (room > 0 && !queue.isEmpty()) {
                double[] head = queue.peekFirst();
                double portion = Math.min(room, head[1]);
                lost += loss.waitingKg(portion, (int) head[0], driedAt);
                longest = Math.max(longest, driedAt - (int) head[0]);
                room -= portion;
                dried += portion;
                head[1] -= portion;
                if (head[1] <= 0) {
                    queue.pollFirst();
                }
            }
            if (withDays) {
                double waiting = queue.stream().mapToDouble(kg -> kg[1]).sum();
                if (!queue.isEmpty()) {
                    longest = Math.max(longest, (day + 1) * 1440 - (int) queue.peekFirst()[0]);
                }
                if (arriving > 0 || dried > 0 || waiting > 0) {
                    days.add(new Day(day, arriving, dried, waiting, longest));
                }
            }
        }
        for (double[] left : queue) {
            lost += loss.waitingKg(left[1], (int) left[0], horizon.endMinute());
        }
        for (; next != null; next = incoming.hasNext() ? incoming.next() : null) {
            lost += loss.waitingKg(next.kg(), next.minute(), horizon.endMinute());
        }
        return new Outcome(lost, days);
    }
}
