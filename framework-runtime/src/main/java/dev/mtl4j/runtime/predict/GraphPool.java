package dev.mtl4j.runtime.predict;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * Copies of one network for threads that predict at once: a DL4J network keeps per-call state
 * (layer inputs, masks), so two threads never share one. A caller takes a copy, runs it and puts it
 * back; at most {@code size} copies are made, the first one being the model's own network.
 */
final class GraphPool {
    private final ComputationGraph original;
    private final BlockingQueue<ComputationGraph> idle;
    private final AtomicInteger made = new AtomicInteger();
    private final int size;

    GraphPool(ComputationGraph original, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a pool needs at least one network, got " + size);
        }
        this.original = original;
        this.size = size;
        this.idle = new ArrayBlockingQueue<>(size);
    }

    <T> T with(Function<ComputationGraph, T> work) {
        ComputationGraph graph = take();
        try {
            return work.apply(graph);
        } finally {
            idle.add(graph);
        }
    }

    private ComputationGraph take() {
        ComputationGraph graph = idle.poll();
        if (graph != null) {
            return graph;
        }
        int index = made.getAndIncrement();
        if (index < size) {
            return index == 0 ? original : original.clone();
        }
        try {
            return idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a network", e);
        }
    }
}
