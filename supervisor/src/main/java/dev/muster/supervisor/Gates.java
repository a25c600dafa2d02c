package dev.muster.supervisor;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/** Combines dependency futures: unlike {@code allOf}, it fails as soon as any one fails. */
final class Gates {
    private Gates() {
    }

    static CompletableFuture<Void> allOrFirstFailure(List<CompletableFuture<Void>> futures) {
        CompletableFuture<Void> gate = new CompletableFuture<>();
        if (futures.isEmpty()) {
            gate.complete(null);
            return gate;
        }
        AtomicInteger remaining = new AtomicInteger(futures.size());
        for (CompletableFuture<Void> future : futures) {
            future.whenComplete((ok, error) -> {
                if (error != null) {
                    gate.completeExceptionally(error);
                } else if (remaining.decrementAndGet() == 0) {
                    gate.complete(null);
                }
            });
        }
        return gate;
    }
}
