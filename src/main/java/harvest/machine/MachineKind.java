package harvest.machine;

public enum MachineKind {
    COMBINE, SEEDER
}
