package harvest.drying;

/** Grain taken in at a drying site, or sent on from it (dried, to storage). */
public enum MovementKind {
    INTAKE, OUTFLOW
}
