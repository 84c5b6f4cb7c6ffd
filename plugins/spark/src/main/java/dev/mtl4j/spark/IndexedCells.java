package dev.mtl4j.spark;

import java.io.Serializable;

/**
 * One row of the data as the runtime reads it: its cells as text (null for missing) and its index in
 * the whole data set (file order), which places it in its split and names it in messages.
 *
 * @param index the row's index over all rows, from 0
 * @param cells one text per column, null where missing
 */
record IndexedCells(long index, String[] cells) implements Serializable {
}
