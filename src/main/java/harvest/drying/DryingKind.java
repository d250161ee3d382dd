package harvest.drying;

/** Dryers and indoor floors work in the rain; open yards do not. */
public enum DryingKind {
    DRYER, INDOOR, YARD
}
