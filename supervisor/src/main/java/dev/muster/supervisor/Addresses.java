package dev.muster.supervisor;

import dev.muster.profile.ProbeSpec;
import dev.muster.profile.ServiceSpec;
import dev.muster.status.ServiceState;
import dev.muster.status.ServiceStatus;

/** Where a service is reached, as its readiness probe says: the address column of the summary. */
final class Addresses {
    private Addresses() {
    }

    static ServiceStatus initialStatus(ServiceSpec spec) {
        return new ServiceStatus(spec.name(), spec.kind(), spec.required(), ServiceState.WAITING, 0, null, null,
                of(spec.ready().probe()), 0, "");
    }

    static String of(ProbeSpec probe) {
        if (probe instanceof ProbeSpec.Tcp tcp) {
            return tcp.host() + ":" + tcp.port();
        }
        if (probe instanceof ProbeSpec.Http http) {
            return http.url().getScheme() + "://" + http.url().getAuthority();
        }
        if (probe instanceof ProbeSpec.Postgres postgres) {
            return postgres.database().host() + ":" + postgres.database().port();
        }
        if (probe instanceof ProbeSpec.Redis redis) {
            return redis.host() + ":" + redis.port();
        }
        return "-";
    }
}
