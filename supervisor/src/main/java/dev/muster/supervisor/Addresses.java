package dev.muster.supervisor;

import dev.muster.profile.ServiceSpec;
import dev.muster.status.ServiceState;
import dev.muster.status.ServiceStatus;

/** Where a service is reached, as its readiness probe says: the address column of the summary. */
final class Addresses {
    private Addresses() {
    }

    static ServiceStatus initialStatus(ServiceSpec spec) {
        String address = spec.ready().hasProbe() ? spec.ready().probe().address() : "-";
        return new ServiceStatus(spec.name(), spec.kind(), spec.required(), ServiceState.WAITING, 0, null, null,
                address, 0, "");
    }
}
