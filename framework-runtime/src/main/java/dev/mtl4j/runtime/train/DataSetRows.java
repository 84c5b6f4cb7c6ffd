package dev.mtl4j.runtime.train;

import dev.mtl4j.runtime.data.EncodedData;

/**
 * The training rows of several data sets (tasks with their own data), stacked: data set 0's rows
 * first, then data set 1's, and so on. In each data set's rows the labels of the tasks that do not
 * read it are masked.
 *
 * @param rows every data set's encoded rows, one after the other
 * @param sizes the rows of each data set
 */
public record DataSetRows(EncodedData rows, int[] sizes) {

    public DataSetRows {
        sizes = sizes.clone();
        int total = 0;
        for (int size : sizes) {
            if (size < 1) {
                throw new IllegalArgumentException("every data set needs training rows: " + java.util.Arrays.toString(sizes));
            }
            total += size;
        }
        if (total != rows.size()) {
            throw new IllegalArgumentException(rows.size() + " rows, but the data sets add up to " + total);
        }
    }

    @Override
    public int[] sizes() {
        return sizes.clone();
    }
}
