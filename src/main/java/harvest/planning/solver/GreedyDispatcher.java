package harvest.planning.solver;

import harvest.planning.domain.Chunk;
import harvest.planning.domain.DryingCapacity;
import harvest.planning.domain.HarvestPlan;
import harvest.planning.domain.Harvester;
import harvest.planning.domain.VolunteerTeam;
import harvest.planning.domain.WorkCalendar;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The dispatcher's rule of thumb, the baseline the planner must beat: whenever a combine is free, send it to the
 * nearest ripe chunk it can finish (with none ripe, the one it can start soonest); send the grain to the nearest
 * drying site with room that day; give a labour-short household the first team free for the whole slot.
 */
public final class GreedyDispatcher {

    /**
     * Fills in the plan's routes, drying sites and teams; score it with Timefold's SolutionManager. Jobs already
     * on a combine (kept from a published plan) stay first in its route, with their sites and teams.
     */
    public HarvestPlan dispatch(HarvestPlan plan) {
        Set<Chunk> open = new LinkedHashSet<>(plan.getChunks());
        Map<DryingCapacity, long[]> intake = new LinkedHashMap<>();
        plan.getDryingSites().forEach(site -> intake.put(site, new long[site.kgPerDay().length]));
        Map<VolunteerTeam, List<int[]>> teamBusy = new LinkedHashMap<>();
        plan.getTeams().forEach(team -> teamBusy.put(team, new ArrayList<>()));

        PriorityQueue<Free> free = new PriorityQueue<>(Comparator.comparingInt(Free::minute));
        for (Harvester harvester : plan.getHarvesters()) {
            Chunk last = null;
            int minute = harvester.getAvailableFrom();
            for (Chunk kept : harvester.getChunks()) {
                Chunk.Slot slot = kept.slotAfter(harvester, last, minute);
                open.remove(kept);
                if (kept.getDryingSite() != null && slot.end() != WorkCalendar.NEVER) {
                    book(intake, kept.getDryingSite(), slot.end() / 1440, Math.round(kept.getYieldKg()));
                }
                if (kept.getTeam() != null) {
                    teamBusy.get(kept.getTeam()).add(new int[] {slot.start(), slot.end()});
                }
                last = kept;
                minute = slot.end();
            }
            free.add(new Free(harvester, last, minute));
        }
        while (!free.isEmpty() && !open.isEmpty()) {
            Free next = free.poll();
            if (next.minute() == WorkCalendar.NEVER) {
                continue;
            }
            Choice choice = choose(next, open);
            if (choice == null) {
                continue;
            }
            Chunk chunk = choice.chunk();
            open.remove(chunk);
            next.harvester().getChunks().add(chunk);
            chunk.setDryingSite(nearestSiteWithRoom(chunk, choice.slot().end() / 1440, intake));
            if (chunk.isNeedsTeam()) {
                chunk.setTeam(freeTeam(choice.slot(), teamBusy));
            }
            free.add(new Free(next.harvester(), chunk, choice.slot().end()));
        }
        return plan;
    }

    /** A combine free from {@code minute}, standing at its last job (or at its base before the first). */
    private record Free(Harvester harvester, Chunk last, int minute) {
    }

    /**
     * A chunk "fits the current window" when it is ripe on arrival and the work can begin within the hour and
     * run through without a break for rain or night.
     */
    private record Choice(Chunk chunk, Chunk.Slot slot, boolean fitsNow) {
        /** What fits now, nearest first; otherwise whichever starts soonest. */
        boolean beats(Choice other) {
            if (fitsNow != other.fitsNow) {
                return fitsNow;
            }
            return fitsNow ? slot.roadKm() < other.slot.roadKm() : slot.start() < other.slot.start();
        }
    }

    private static Choice choose(Free free, Set<Chunk> open) {
        Choice best = null;
        for (Chunk chunk : open) {
            if (!free.harvester().canHarvest(chunk.getCrop())) {
                continue;
            }
            Chunk.Slot slot = chunk.slotAfter(free.harvester(), free.last(), free.minute());
            if (slot.end() == WorkCalendar.NEVER || slot.end() > free.harvester().getAvailableUntil()) {
                continue;
            }
            int arrival = free.minute() + chunk.getRules().travelMinutes(slot.roadKm());
            boolean startsSoon = chunk.getRipeFrom() <= arrival && slot.start() - arrival <= 60;
            Choice candidate = new Choice(chunk, slot, startsSoon && workedThrough(chunk, slot));
            if (best == null || candidate.beats(best)) {
                best = candidate;
            }
        }
        return best;
    }

    /** No unworkable hour between start and end, i.e. no pause for rain or night. */
    private static boolean workedThrough(Chunk chunk, Chunk.Slot slot) {
        for (int minute = slot.start(); minute < slot.end(); minute = (minute / 60 + 1) * 60) {
            if (chunk.getCalendar().firstWorkable(minute) != minute) {
                return false;
            }
        }
        return true;
    }

    private static DryingCapacity nearestSiteWithRoom(Chunk chunk, int day, Map<DryingCapacity, long[]> intake) {
        long kg = Math.round(chunk.getYieldKg());
        DryingCapacity nearest = null;
        for (var entry : intake.entrySet()) {
            DryingCapacity site = entry.getKey();
            boolean room = day < entry.getValue().length && entry.getValue()[day] + kg <= site.kgOn(day);
            if (room && (nearest == null
                    || site.place().greatCircleKm(chunk.getPlace()) < nearest.place().greatCircleKm(chunk.getPlace()))) {
                nearest = site;
            }
        }
        if (nearest != null) {
            book(intake, nearest, day, kg);
        }
        return nearest;
    }

    private static void book(Map<DryingCapacity, long[]> intake, DryingCapacity site, int day, long kg) {
        long[] perDay = intake.get(site);
        if (day < perDay.length) {
            perDay[day] += kg;
        }
    }

    private static VolunteerTeam freeTeam(Chunk.Slot slot, Map<VolunteerTeam, List<int[]>> busy) {
        for (var entry : busy.entrySet()) {
            boolean clash = entry.getValue().stream().anyMatch(b -> b[0] < slot.end() && slot.start() < b[1]);
            if (!clash) {
                entry.getValue().add(new int[] {slot.start(), slot.end()});
                return entry.getKey();
            }
        }
        return null;
    }
}
