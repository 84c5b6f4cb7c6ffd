package dev.mtl4j.spark;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.Location;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.api.Problem;
import dev.mtl4j.runtime.data.Numbers;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one partition's training rows say about the columns an encoding is fitted from, in the same
 * mergeable pieces the runtime fits with ({@code Moments}, category sets, with each value's count): per number column the
 * count and sum of its values (first pass) or the squared deviations from a given mean (second pass),
 * per ordinal column the sum and count of its scaled ranks, per category column its distinct values.
 * Partitions are merged in partition order, so a fit is the same every run.
 */
final class ColumnSummary implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The columns summarised, as indexes into the rows' cells; {@code levels} per ordinal column. */
    record Plan(String origin, List<String> header, int[] numbers, int[] ordinals, List<List<String>> levels,
                int[] categories) implements Serializable {
    }

    /** The rows seen (a number column with fewer values has missing cells). */
    long rows;
    final long[] counts;
    final double[] sums;
    final double[] ordinalSums;
    final long[] ordinalCounts;
    /** Per category column, each value's number of cells (in first-seen order). */
    final List<Map<String, Long>> distinct;

    private ColumnSummary(Plan plan) {
        counts = new long[plan.numbers().length];
        sums = new double[plan.numbers().length];
        ordinalSums = new double[plan.ordinals().length];
        ordinalCounts = new long[plan.ordinals().length];
        distinct = new ArrayList<>();
        for (int i = 0; i < plan.categories().length; i++) {
            distinct.add(new LinkedHashMap<>());
        }
    }

    /**
     * The first pass over one partition: counts and sums, or, with {@code means}, the second pass's
     * squared deviations from them (in {@code sums}).
     *
     * @throws MtlException DATA_INVALID naming the row and column of a number cell that is not a
     *     number or an ordinal cell that is not a level
     */
    static ColumnSummary of(Plan plan, Iterator<IndexedCells> rows, double[] means) {
        ColumnSummary summary = new ColumnSummary(plan);
        while (rows.hasNext()) {
            IndexedCells row = rows.next();
            String[] cells = row.cells();
            summary.rows++;
            for (int i = 0; i < plan.numbers().length; i++) {
                String cell = cells[plan.numbers()[i]];
                if (cell != null) {
                    double value = number(plan, row, plan.numbers()[i]);
                    if (means == null) {
                        summary.counts[i]++;
                        summary.sums[i] += value;
                    } else {
                        double deviation = value - means[i];
                        summary.sums[i] += deviation * deviation;
                    }
                }
            }
            if (means != null) {
                continue;
            }
            for (int i = 0; i < plan.ordinals().length; i++) {
                String cell = cells[plan.ordinals()[i]];
                if (cell != null) {
                    List<String> levels = plan.levels().get(i);
                    int rank = levels.indexOf(cell);
                    if (rank < 0) {
                        throw problem(plan, row, plan.ordinals()[i], "'" + cell + "' is not one of the declared levels " + levels);
                    }
                    summary.ordinalSums[i] += rank / (double) (levels.size() - 1);
                    summary.ordinalCounts[i]++;
                }
            }
            for (int i = 0; i < plan.categories().length; i++) {
                String cell = cells[plan.categories()[i]];
                if (cell != null) {
                    summary.distinct.get(i).merge(cell, 1L, Long::sum);
                }
            }
        }
        return summary;
    }

    /** This partition's summary followed by the next one's. */
    ColumnSummary merge(Plan plan, ColumnSummary next) {
        ColumnSummary merged = new ColumnSummary(plan);
        merged.rows = rows + next.rows;
        for (int i = 0; i < counts.length; i++) {
            merged.counts[i] = counts[i] + next.counts[i];
            merged.sums[i] = sums[i] + next.sums[i];
        }
        for (int i = 0; i < ordinalSums.length; i++) {
            merged.ordinalSums[i] = ordinalSums[i] + next.ordinalSums[i];
            merged.ordinalCounts[i] = ordinalCounts[i] + next.ordinalCounts[i];
        }
        for (int i = 0; i < distinct.size(); i++) {
            Map<String, Long> into = merged.distinct.get(i);
            into.putAll(distinct.get(i));
            next.distinct.get(i).forEach((value, count) -> into.merge(value, count, Long::sum));
        }
        return merged;
    }

    private static double number(Plan plan, IndexedCells row, int column) {
        String cell = row.cells()[column];
        double value = Numbers.parse(cell);
        if (Double.isNaN(value)) {
            throw problem(plan, row, column, "not a number: '" + cell + "'");
        }
        return value;
    }

    /** A cell's problem, placed as the runtime places it (row, and line for a CSV with one header line). */
    static MtlException problem(Plan plan, IndexedCells row, int column, String message) {
        return new MtlException(ErrorCategory.DATA_INVALID, Problem.at(
                Location.cell(plan.origin(), row.index() + 1, row.index() + 2, plan.header().get(column)), message));
    }
}
