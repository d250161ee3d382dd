package harvest.weather;

/** Why an hour is not workable, in the order the reasons are reported when several apply. */
public enum GapReason {
    /** No forecast covers the hour: treated as unworkable rather than guessed. */
    NO_FORECAST,
    /** Rain at or above the threshold, or a high enough chance of it. */
    WET,
    /** The ground and the crop are still drying after a spell of rain. */
    DRY_OUT,
    /** Outside the combines' working day. */
    NIGHT,
    /** Workable, but shorter than the shortest window worth sending a machine for. */
    TOO_SHORT
}
