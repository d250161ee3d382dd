package harvest.planning.domain;

/**
 * What a plan's consequences cost in yuan, so that grain, road and people's time weigh on one scale (rules 4, 7
 * and 8). Grain and road are the brief's own prices; the two penalties say what a dispatcher would pay to avoid
 * them: a household left without help is worth about 100 kg of grain, and moving a published job a tonne, since
 * every move means texts to two operators and a farmer who had planned their day.
 */
public record Prices(double grainYuanPerKg, double roadYuanPerKm, double unhelpedHouseholdYuan, double movedJobYuan,
                     double teamOutsideItsDayYuanPerHour) {

    public static final Prices DEFAULT = new Prices(2.4, 4.0, 240, 2_400, 6);

    /** The score counts fen (hundredths of a yuan), so rounding never hides a kilogram. */
    public static long fen(double yuan) {
        return Math.round(yuan * 100);
    }

    public long grainFen(double kg) {
        return fen(kg * grainYuanPerKg);
    }

    public long roadFen(double km) {
        return fen(km * roadYuanPerKm);
    }

    public double yuan(double lostKg, double roadKm) {
        return lostKg * grainYuanPerKg + roadKm * roadYuanPerKm;
    }
}
