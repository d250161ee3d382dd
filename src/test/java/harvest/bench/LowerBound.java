package harvest.bench;

import harvest.planning.domain.Chunk;
import harvest.planning.domain.DryingCapacity;
import harvest.planning.domain.HarvestPlan;
import harvest.planning.domain.LossModel;
import harvest.weather.WorkCalendar;

import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A lower bound on the grain any plan for a problem loses (planning rule 7), so that a benchmark can say how far a
 * plan is from the best possible and not only how it compares with another heuristic. It is the drying-aware
 * relaxation, solved exactly as a linear program with ojAlgo.
 * <p>
 * The relaxation forgets the combines and the road: any fraction of a chunk may be cut on any day from its
 * ripeness, and all drying sites are pooled into one queue served in any order. It keeps what makes a wet season
 * costly: grain standing in the field loses, and grain cut faster than the sites can dry it waits. Whatever a real
 * plan does, the relaxation can do too at no greater cost, so every feasible plan loses at least this much.
 * <p>
 * A cut on day d is charged its standing loss from the earliest workable minute that day, but its waiting loss
 * only from the latest minute a cut that day could come off the field (the end of the day's last workable hour).
 * Standing grows and waiting shrinks the later a job ends, so charging both from the earliest minute would cost
 * more than a plan that finishes late in the day and then waits, and would not be a bound (LowerBoundTest has one).
 */
final class LowerBound {
    private static final int DAY = 1440;
    /** A site's daily drying counts as done at 12:00 (rule 6). */
    private static final int NOON = 720;
    /** Variables are in tonnes: kg would put 10^7 beside 10^-5 in one matrix, needlessly hard on the simplex. */
    private static final double KG_PER_TONNE = 1000;
    /** Per-kg costs are compared to 10^-12 kg: closer than that, only floating-point noise tells them apart. */
    private static final double SAME_COST = 1e12;

    /** The bound, split as planning rule 7 splits a plan's loss, and the time to build and solve the LP. */
    record Result(double lossKg, double standingKg, double waitingKg, long millis) {
    }

    private LowerBound() {
    }

    static Result solve(HarvestPlan plan) {
        long started = System.nanoTime();
        int end = plan.getHorizon().endMinute();
        LossModel loss = plan.getHorizon().loss();
        int days = end / DAY;

        // Grain left standing to the end is the starting point; each cut is priced by what it saves on that.
        double uncutKg = 0;
        Map<List<Long>, Group> groups = new LinkedHashMap<>();
        for (Chunk chunk : plan.getChunks()) {
            double kg = chunk.getYieldKg();
            WorkCalendar calendar = chunk.getCalendar();
            int ripe = chunk.getRipeFrom();
            double standingToEnd = loss.standingKg(kg, calendar, ripe, end);
            uncutKg += standingToEnd;
            if (kg <= 0) {
                continue;
            }
            List<Long> key = new ArrayList<>();
            List<Double> savings = new ArrayList<>();
            for (int day = Math.max(0, ripe) / DAY; day < days; day++) {
                int cut = calendar.firstWorkable(Math.max(ripe, day * DAY));
                if (cut >= Math.min((day + 1) * DAY, end)) {
                    continue;
                }
                double saving = loss.standingKg(kg, calendar, ripe, cut) - standingToEnd;
                key.add((long) latestOff(calendar, day, end));
                key.add(Math.round(saving / kg * SAME_COST));
                savings.add(saving);
            }
            // Chunks with the same per-kg cost for every option, into the same slots, are interchangeable in the LP
            // (every cost is linear in kg), so they become one: it halves the county's LP (5,000 chunks, 2,365 groups).
            // Same grid as SAME_COST rather than exact equality, so that rounding noise does not keep twins apart.
            groups.computeIfAbsent(key, Group::new).add(kg, savings);
        }

        ExpressionsBasedModel model = new ExpressionsBasedModel();
        Expression[] drying = new Expression[days];
        for (int day = 0; day < days; day++) {
            double kg = 0;
            for (DryingCapacity site : plan.getDryingSites()) {
                kg += site.kgOn(day);
            }
            drying[day] = kg > 0 ? model.addExpression("drying " + day).upper(kg / KG_PER_TONNE) : null;
        }
        List<Priced> cuts = new ArrayList<>();
        List<Priced> waits = new ArrayList<>();
        Map<Integer, Expression> slots = new TreeMap<>();
        for (Group group : groups.values()) {
            Expression once = model.addExpression().upper(group.tonnes);
            for (int i = 0; i < group.latestOff.length; i++) {
                Variable cut = priced(model, group.savedKg[i] / group.tonnes, cuts);
                once.set(cut, 1);
                slots.computeIfAbsent(group.latestOff[i], off -> model.addExpression("slot " + off).level(0)).set(cut, 1);
            }
        }
        // What a slot takes in is dried on some day from the day it was cut, or never; in any order, which only lowers
        // the bound. (off - 1) / DAY is that day even for a slot that ends on the stroke of midnight.
        slots.forEach((off, slot) -> {
            for (int day = (off - 1) / DAY; day < days; day++) {
                if (drying[day] != null) {
                    Variable dried = priced(model, KG_PER_TONNE * loss.waitingKg(1, off, day * DAY + NOON), waits);
                    slot.set(dried, -1);
                    drying[day].set(dried, 1);
                }
            }
            slot.set(priced(model, KG_PER_TONNE * loss.waitingKg(1, off, end), waits), -1);
        });

        Optimisation.Result solution = model.minimise();
        if (!solution.getState().isOptimal()) {
            throw new IllegalStateException("the relaxation was not solved: " + solution.getState());
        }
        double standing = uncutKg + contribution(model, solution, cuts);
        double waiting = contribution(model, solution, waits);
        return new Result(standing + waiting, standing, waiting, (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * The latest minute a job on {@code day} can finish: the end of the day's last workable hour. A job that ends on
     * the stroke of midnight was worked the day before and stays with it: letting its grain be dried a day early
     * only lowers the bound, whereas the next day's earliest cut might come after it.
     */
    private static int latestOff(WorkCalendar calendar, int day, int end) {
        for (int hour = (day + 1) * 24 - 1; hour >= day * 24; hour--) {
            if (calendar.workable(hour)) {
                return Math.min((hour + 1) * 60, end);
            }
        }
        throw new IllegalArgumentException("day " + day + " has no workable hour");
    }

    /** A variable of tonnes, each costing {@code kgPerTonne}; its price is kept, as ojAlgo forgets a weight of zero. */
    private static Variable priced(ExpressionsBasedModel model, double kgPerTonne, List<Priced> into) {
        Variable variable = model.addVariable().lower(0).weight(kgPerTonne);
        into.add(new Priced(variable, kgPerTonne));
        return variable;
    }

    private static double contribution(ExpressionsBasedModel model, Optimisation.Result solution, List<Priced> variables) {
        double kg = 0;
        for (Priced priced : variables) {
            kg += priced.kgPerTonne() * solution.doubleValue(model.indexOf(priced.variable()));
        }
        return kg;
    }

    private record Priced(Variable variable, double kgPerTonne) {
    }

    /** Chunks the LP cannot tell apart: their total yield, and for each day they may be cut, its slot and saving. */
    private static final class Group {
        private final int[] latestOff;
        private final double[] savedKg;
        private double tonnes;

        Group(List<Long> key) {
            latestOff = new int[key.size() / 2];
            for (int i = 0; i < latestOff.length; i++) {
                latestOff[i] = key.get(2 * i).intValue();
            }
            savedKg = new double[latestOff.length];
        }

        void add(double kg, List<Double> savings) {
            tonnes += kg / KG_PER_TONNE;
            for (int i = 0; i < savedKg.length; i++) {
                savedKg[i] += savings.get(i);
            }
        }
    }
}
