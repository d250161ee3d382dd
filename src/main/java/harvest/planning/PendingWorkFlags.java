package harvest.planning;

import harvest.machine.MachineBrokeDown;
import io.micronaut.context.event.ApplicationEventListener;
import jakarta.inject.Singleton;

/** A breakdown puts the combine's unfinished published work in question, in the transaction that records it. */
@Singleton
public class PendingWorkFlags implements ApplicationEventListener<MachineBrokeDown> {
    private final PlanStore plans;

    public PendingWorkFlags(PlanStore plans) {
        this.plans = plans;
    }

    @Override
    public void onApplicationEvent(MachineBrokeDown event) {
        plans.flagPendingWork(event.machineCode());
    }
}
