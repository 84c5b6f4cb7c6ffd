package dev.mtl4j.api.spi;

import dev.mtl4j.api.graph.GraphScope;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What a domain-adaptation strategy adds to the network while it trains on labelled rows of one
 * distribution (the source domain) and unlabelled rows of another (the target domain): layers that
 * read the shared representation and end in one output layer, whose loss is added to the tasks'
 * losses and pulls the two domains' representations together. It is a training device only: the
 * runtime removes these layers before the model is saved, so the saved network predicts the tasks
 * alone and plain DL4J opens it.
 *
 * <p>Every training batch holds as many target rows as source rows. The device's labels are the
 * domain of each row, one-hot over two columns: {@code [1, 0]} for a source row and {@code [0, 1]}
 * for a target row; the tasks' labels of target rows are masked.
 */
public interface DomainAlignment {

    /**
     * Adds the device's layers.
     *
     * @param scope where to add vertices (the runtime removes everything added here before saving)
     * @param representation the vertex every task's head reads (the shared encoder's output)
     * @param width its output width
     * @param steps the training steps planned, for schedules over the progress of training
     * @return the full name of the device's output layer
     */
    String build(GraphScope scope, String representation, int width, long steps);

    /**
     * What the device's output says about the two domains, reported every epoch on equal numbers of
     * source and target training rows: a domain classifier's {@code accuracy} (near 0.5, the
     * representation no longer tells the domains apart), or a distance between the domains'
     * features. The runtime shows each entry as a metric of the pseudo-task {@code domain}.
     *
     * @param sourceOutput the output layer's activations on source rows
     * @param targetOutput the same on as many target rows
     */
    Map<String, Double> measure(INDArray sourceOutput, INDArray targetOutput);
}
