package harvest.aid;

/** What an aid station (爱心助农点) hands out to operators and farmers. */
public enum AidOffer {
    MEALS, WATER, COOLING
}
