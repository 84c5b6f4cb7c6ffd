package dev.mtl4j.runtime.data;

/**
 * A column's mean and population standard deviation, fitted in two mergeable passes so that chunks
 * of rows can be summarised apart and combined: first each chunk's count and sum ({@link Sums},
 * merged by adding), then each chunk's squared deviations from the merged mean ({@link Squares}).
 * Fed in row order on one machine, the two passes compute exactly what the textbook two-pass
 * formula does. The standard deviation is 1 when the values do not vary or there are none, so a
 * constant column standardises to zeros.
 */
final class Moments {
    private Moments() {
    }

    /**
     * What the two passes found.
     *
     * @param mean the mean (0 without values)
     * @param std the population standard deviation (1 without variation or values)
     * @param count the values seen
     */
    record Result(double mean, double std, long count) {
    }

    /** The first pass: how many values and their sum. */
    static final class Sums {
        private long count;
        private double sum;

        void add(double value) {
            count++;
            sum += value;
        }

        /** This chunk's sums followed by another's (a distributed fit's combine step). */
        Sums merge(Sums other) {
            Sums merged = new Sums();
            merged.count = count + other.count;
            merged.sum = sum + other.sum;
            return merged;
        }

        long count() {
            return count;
        }

        /** The mean, 0 when there are no values. */
        double mean() {
            return count == 0 ? 0 : sum / count;
        }
    }

    /** The second pass: squared deviations from the mean the first pass gave. */
    static final class Squares {
        private final double mean;
        private double squares;

        Squares(double mean) {
            this.mean = mean;
        }

        void add(double value) {
            double deviation = value - mean;
            squares += deviation * deviation;
        }

        Squares merge(Squares other) {
            Squares merged = new Squares(mean);
            merged.squares = squares + other.squares;
            return merged;
        }

        /** The population standard deviation of {@code count} values; 1 when it is 0, not finite, or there are none. */
        double std(long count) {
            if (count == 0) {
                return 1;
            }
            double std = Math.sqrt(squares / count);
            return std > 0 && Double.isFinite(std) ? std : 1;
        }
    }
}
