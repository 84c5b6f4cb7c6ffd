package dev.mtl4j.spark;

import java.util.function.Supplier;

/** Runs a Spark job on the driver, a user's problem found on an executor rethrown as the driver's own. */
final class Jobs {
    private Jobs() {
    }

    static <T> T run(Supplier<T> job) {
        try {
            return job.get();
        } catch (Exception e) { // Scala's SparkException is checked in Java's eyes and not declared
            RuntimeException user = WorkerFailure.find(e).orElse(null);
            if (user != null) {
                throw user;
            }
            throw Jobs.<RuntimeException>unchanged(e);
        }
    }

    /** Rethrows any other failure as it was (a SparkException stays one). */
    @SuppressWarnings("unchecked")
    private static <E extends Exception> E unchanged(Exception e) throws E {
        throw (E) e;
    }
}
