package dev.mtl4j.runtime.train;

import dev.mtl4j.api.graph.GatedMixture;
import dev.mtl4j.api.graph.RowWiseLayer;
import dev.mtl4j.api.graph.TowerStitch;
import dev.mtl4j.api.spi.ScalableLoss;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.dropout.IDropout;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.graph.SubsetVertex;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMAE;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

/**
 * A network made only of dense layers in a tree — one input, a shared stack, heads branching off it,
 * each ending in an output layer, optionally with inverted dropout after a hidden layer, gated
 * mixtures of experts ({@link GatedMixture}: gates and experts are dense layers) and cross-stitch
 * units between towers of dense layers ({@link TowerStitch}), layers computed by their own passes
 * row by row ({@link RowWiseLayer}, such as column embeddings), merges read by dense layers and
 * element-wise products (MTAN's masks) — read off a ComputationGraph so that {@link FusedDenseStep}
 * can train it directly. Anything else (other layer kinds or vertices, preprocessors, other
 * activations, losses or dropouts) is reported as the reason the fused step does not apply.
 */
final class DenseTopology {

    /** What computes a node. */
    enum Kind {
        /** A dense hidden or output layer: W, b and an activation. */
        DENSE,
        /** A {@link GatedMixture}: reads its gate's node, then its experts' nodes. */
        MIXTURE,
        /** One block of a {@link TowerStitch} unit's output: reads the towers' nodes. */
        STITCH,
        /** A {@link RowWiseLayer}, computed by its own forward and backward passes. */
        ROW_WISE,
        /** DL4J's {@code MergeVertex} read by a dense layer: the nodes it reads side by side, copied. */
        CONCAT,
        /** DL4J's {@code ElementWiseVertex} product of two nodes (MTAN's masks). */
        PRODUCT,
        /** A dropout layer after a node whose output other layers read before the dropout: a copy, then the dropout. */
        DROPOUT
    }

    /**
     * One node of the network the fused step computes.
     *
     * @param kind what computes it
     * @param name the vertex name
     * @param parent the index of the node it reads, or -1 for the network input (and for nodes reading several)
     * @param weights W [nIn, nOut] (a view of the network's parameters)
     * @param bias b [1, nOut]
     * @param weightGradient dW, a view of the network's flattened gradient
     * @param biasGradient db [1, nOut], likewise
     * @param activation its activation (for an output layer, the one its loss applies)
     * @param loss the loss of an output layer, null for a hidden layer
     * @param output the network output index of an output layer, -1 for a hidden layer
     * @param regressionWeight λ of an MSE/MAE output whose loss the fused step computes itself, else NaN
     * @param dropout DL4J's inverted dropout applied to this hidden node's output (a {@code DropoutLayer}
     *     reading it, folded into it), or null
     * @param mixed the nodes a node of several inputs reads, in order (for a mixture: its gate's node, then
     *     its experts' nodes); null for one reading a single node
     * @param stitch for one block of a cross-stitch unit, its row of α; else null
     * @param own for a row-wise layer, the running layer; else null
     * @param width the width of its output
     */
    record Node(Kind kind, String name, int parent, INDArray weights, INDArray bias, INDArray weightGradient,
                INDArray biasGradient, IActivation activation, ILossFunction loss, int output, double regressionWeight,
                Dropout dropout, int[] mixed, Stitch stitch, Layer own, int width) {

        static Node dense(String name, int parent, INDArray weights, INDArray bias, INDArray weightGradient,
                          INDArray biasGradient, IActivation activation, ILossFunction loss, int output, double regressionWeight,
                          int width) {
            return new Node(Kind.DENSE, name, parent, weights, bias, weightGradient, biasGradient, activation, loss, output,
                    regressionWeight, null, null, null, null, width);
        }

        static Node reading(Kind kind, String name, int[] read, int width) {
            return new Node(kind, name, -1, null, null, null, null, null, null, -1, Double.NaN, null, read.clone(), null, null,
                    width);
        }

        static Node stitched(String name, int[] towers, Stitch stitch, int width) {
            return new Node(Kind.STITCH, name, -1, null, null, null, null, null, null, -1, Double.NaN, null, towers.clone(),
                    stitch, null, width);
        }

        static Node rowWise(String name, int parent, Layer own, int width) {
            return new Node(Kind.ROW_WISE, name, parent, null, null, null, null, null, null, -1, Double.NaN, null, null, null,
                    own, width);
        }

        Node withDropout(Dropout applied) {
            return new Node(kind, name, parent, weights, bias, weightGradient, biasGradient, activation, loss, output,
                    regressionWeight, applied, mixed, stitch, own, width);
        }

        boolean isDense() {
            return kind == Kind.DENSE;
        }

        boolean isOutput() {
            return output >= 0;
        }
    }

    private final List<Node> nodes;
    private final int inputWidth;
    private final int[] forwardOrder;

    private DenseTopology(List<Node> nodes, int inputWidth, List<Integer> forwardOrder) {
        this.nodes = List.copyOf(nodes);
        this.inputWidth = inputWidth;
        this.forwardOrder = forwardOrder.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * The forward pass in DL4J's own order of vertices, so that dropout masks are drawn from ND4J's
     * random generator in the same sequence as {@code fit} draws them: {@code n >= 0} computes node n,
     * {@code -n-1} applies node n's dropout.
     */
    int[] forwardOrder() {
        return forwardOrder.clone();
    }

    /**
     * One row of a cross-stitch unit's α: block {@code row} of the unit's output is
     * {@code Σ_j α[row·towers + j] x_j}.
     *
     * @param unit the unit's layer name
     * @param key the name of its one parameter
     * @param alpha the unit's parameters, α row by row (a view of the network's)
     * @param alphaGradient its gradient, likewise
     */
    record Stitch(String unit, String key, int row, int towers, INDArray alpha, INDArray alphaGradient) {
    }

    /**
     * Whether some node is not a dense layer, the only kind the step's per-task passes know: a gated
     * mixture, a cross-stitch unit's block, a row-wise layer, a merge, a product, a dropout node.
     */
    boolean hasNodesBeyondDense() {
        return nodes.stream().anyMatch(node -> !node.isDense());
    }

    boolean hasDropout() {
        return nodes.stream().anyMatch(node -> node.dropout() != null);
    }

    /** Nodes in topological order: every node after the one it reads. */
    List<Node> nodes() {
        return nodes;
    }

    int inputWidth() {
        return inputWidth;
    }

    /** The topology of a network, or why the fused step cannot train it. */
    static Result of(ComputationGraph graph) {
        ComputationGraphConfiguration conf = graph.getConfiguration();
        if (conf.getNetworkInputs().size() != 1 || conf.getDataType() != DataType.FLOAT) {
            return Result.no("needs one float input");
        }
        if (graph.getFlattenedGradients() == null) {
            // DL4J creates the gradient views on its first backward pass; the fused step writes into them
            graph.initGradientsView();
        }
        String input = conf.getNetworkInputs().get(0);
        List<String> outputs = conf.getNetworkOutputs();
        Map<String, Integer> index = new HashMap<>();
        List<Node> nodes = new ArrayList<>();
        List<Integer> order = new ArrayList<>();
        Map<String, List<String>> merges = new HashMap<>();
        Map<String, StitchUnit> units = new HashMap<>();
        int inputWidth = -1;
        for (String name : conf.getTopologicalOrderStr()) {
            if (name.equals(input)) {
                continue;
            }
            GraphVertex vertex = conf.getVertices().get(name);
            List<String> inputs = conf.getVertexInputs().get(name);
            if (vertex instanceof MergeVertex) {
                // computed only as a mixture's input, which reads its parts in place
                merges.put(name, inputs);
                continue;
            }
            if (vertex instanceof LayerVertex mixtureVertex && mixtureVertex.getLayerConf().getLayer() instanceof GatedMixture mixture
                    && mixtureVertex.getPreProcessor() == null && inputs.size() == 1 && merges.containsKey(inputs.get(0))) {
                String why = mixture(conf, name, mixture, merges.get(inputs.get(0)), index, nodes);
                if (why != null) {
                    return Result.no(why);
                }
                index.put(name, nodes.size() - 1);
                order.add(nodes.size() - 1);
                continue;
            }
            if (vertex instanceof LayerVertex unitVertex && unitVertex.getLayerConf().getLayer() instanceof TowerStitch unit
                    && unitVertex.getPreProcessor() == null && inputs.size() == 1 && merges.containsKey(inputs.get(0))) {
                String why = stitchUnit(graph, name, unit, merges.get(inputs.get(0)), index, nodes, units);
                if (why != null) {
                    return Result.no(why);
                }
                continue;
            }
            if (vertex instanceof ElementWiseVertex product && product.getOp() == ElementWiseVertex.Op.Product) {
                String why = product(name, inputs, index, nodes);
                if (why != null) {
                    return Result.no(why);
                }
                index.put(name, nodes.size() - 1);
                order.add(nodes.size() - 1);
                continue;
            }
            if (vertex instanceof SubsetVertex subset && inputs.size() == 1 && units.containsKey(inputs.get(0))) {
                StitchUnit unit = units.get(inputs.get(0));
                if (subset.getFrom() % unit.width() != 0 || subset.getTo() != subset.getFrom() + unit.width() - 1) {
                    return Result.no("'" + name + "' reads columns " + subset.getFrom() + "-" + subset.getTo() + " of '"
                            + inputs.get(0) + "', not one tower's block");
                }
                Stitch row = new Stitch(unit.name(), unit.key(), subset.getFrom() / unit.width(), unit.towers().length, unit.alpha(),
                        unit.alphaGradient());
                index.put(name, nodes.size());
                order.add(nodes.size());
                nodes.add(Node.stitched(name, unit.towers(), row, unit.width()));
                continue;
            }
            if (!(vertex instanceof LayerVertex layerVertex) || layerVertex.getPreProcessor() != null || inputs.size() != 1) {
                return Result.no("vertex '" + name + "' is not a single-input layer");
            }
            org.deeplearning4j.nn.conf.layers.Layer layerConf = layerVertex.getLayerConf().getLayer();
            if (layerConf instanceof DropoutLayer) {
                String why = foldDropout(conf, name, layerConf.getIDropout(), inputs.get(0), index, nodes, order);
                if (why != null) {
                    return Result.no(why);
                }
                continue;
            }
            if (layerConf.getIDropout() != null) {
                return Result.no("layer '" + name + "' applies dropout to its input");
            }
            if (layerConf instanceof RowWiseLayer && layerConf instanceof FeedForwardLayer rowWise && !outputs.contains(name)) {
                String from = inputs.get(0);
                int parent = from.equals(input) ? -1 : index.getOrDefault(from, -2);
                long nIn = rowWise.getNIn();
                boolean fromInput = parent == -1 && (inputWidth < 0 || inputWidth == nIn);
                boolean fromHidden = parent >= 0 && !nodes.get(parent).isOutput() && nodes.get(parent).width() == nIn;
                if (!fromInput && !fromHidden) {
                    return Result.no("row-wise layer '" + name + "' reads '" + from + "', which is not a " + rowWise.getNIn()
                            + "-wide input or dense layer");
                }
                if (parent == -1) {
                    inputWidth = (int) rowWise.getNIn();
                }
                index.put(name, nodes.size());
                order.add(nodes.size());
                nodes.add(Node.rowWise(name, parent, graph.getLayer(name), (int) rowWise.getNOut()));
                continue;
            }
            Optional<String> unsupported = unsupported(name, layerConf, outputs.contains(name));
            if (unsupported.isPresent()) {
                return Result.no(unsupported.get());
            }
            String from = inputs.get(0);
            if (!index.containsKey(from) && merges.containsKey(from)) {
                // a dense layer reading a merge (MTAN's mask reads its layer and the masked one below): the parts copied side by side
                String why = concat(from, merges.get(from), index, nodes);
                if (why != null) {
                    return Result.no(why);
                }
                index.put(from, nodes.size() - 1);
                order.add(nodes.size() - 1);
            }
            int parent = from.equals(input) ? -1 : index.getOrDefault(from, -2);
            if (parent == -2 || (parent >= 0 && nodes.get(parent).isOutput())) {
                return Result.no("layer '" + name + "' reads '" + from + "', which is not a dense layer");
            }
            Layer layer = graph.getLayer(name);
            Map<String, INDArray> gradients = DefaultParamInitializer.getInstance()
                    .getGradientsFromFlattened(layer.conf(), layer.getGradientsViewArray());
            boolean output = outputs.contains(name);
            BaseOutputLayer outputConf = output ? (BaseOutputLayer) layerConf : null;
            Node node = Node.dense(name, parent, layer.getParam(DefaultParamInitializer.WEIGHT_KEY),
                    layer.getParam(DefaultParamInitializer.BIAS_KEY), gradients.get(DefaultParamInitializer.WEIGHT_KEY),
                    asRow(gradients.get(DefaultParamInitializer.BIAS_KEY)),
                    output ? outputConf.getActivationFn() : ((DenseLayer) layerConf).getActivationFn(),
                    output ? outputConf.getLossFn() : null, output ? outputs.indexOf(name) : -1,
                    output ? FastGradients.uniformRegressionWeight(outputConf.getLossFn()) : Double.NaN,
                    (int) layer.getParam(DefaultParamInitializer.WEIGHT_KEY).size(1));
            if (parent == -1) {
                if (inputWidth >= 0 && inputWidth != node.weights().size(0)) {
                    return Result.no("layers read the input at different widths");
                }
                inputWidth = (int) node.weights().size(0);
            }
            index.put(name, nodes.size());
            order.add(nodes.size());
            nodes.add(node);
        }
        return new Result(new DenseTopology(nodes, inputWidth, order), null);
    }

    /**
     * Adds a mixture node reading a merge of a gate and experts when their widths are the mixture's and
     * the gate (a hidden dense layer) feeds this merge alone; else says why not.
     */
    private static String mixture(ComputationGraphConfiguration conf, String name, GatedMixture mixture, List<String> merged,
                                  Map<String, Integer> index, List<Node> nodes) {
        int[] mixed = new int[merged.size()];
        for (int k = 0; k < mixed.length; k++) {
            Integer node = index.get(merged.get(k));
            if (node == null || nodes.get(node).isOutput()) {
                return "mixture '" + name + "' reads '" + merged.get(k) + "', which is not a dense layer";
            }
            mixed[k] = node;
            int expected = k == 0 ? mixture.getExperts() : mixture.getWidth();
            if (nodes.get(node).width() != expected) {
                return "mixture '" + name + "' reads '" + merged.get(k) + "' of width " + nodes.get(node).width() + ", not " + expected;
            }
        }
        Node gate = nodes.get(mixed[0]);
        String gateName = merged.get(0);
        long readers = conf.getVertexInputs().values().stream().filter(inputs -> inputs.contains(gateName)).count();
        if (mixed.length != mixture.getExperts() + 1 || !gate.isDense() || gate.dropout() != null || readers != 1) {
            return "mixture '" + name + "' does not read one gate of its own followed by its " + mixture.getExperts() + " experts";
        }
        nodes.add(Node.reading(Kind.MIXTURE, name, mixed, mixture.getWidth()));
        return null;
    }

    /** Adds the product of two nodes of one width; else says why not. */
    private static String product(String name, List<String> inputs, Map<String, Integer> index, List<Node> nodes) {
        int[] read = read(inputs, index, nodes);
        if (read == null || read.length != 2 || read[0] == read[1] || nodes.get(read[0]).width() != nodes.get(read[1]).width()) {
            return "product '" + name + "' does not read two different hidden layers of one width";
        }
        nodes.add(Node.reading(Kind.PRODUCT, name, read, nodes.get(read[0]).width()));
        return null;
    }

    /** Adds a merge of hidden nodes, as a dense layer reads it; else says why not. */
    private static String concat(String name, List<String> inputs, Map<String, Integer> index, List<Node> nodes) {
        int[] read = read(inputs, index, nodes);
        if (read == null) {
            return "merge '" + name + "' does not read hidden layers only";
        }
        nodes.add(Node.reading(Kind.CONCAT, name, read, java.util.Arrays.stream(read).map(k -> nodes.get(k).width()).sum()));
        return null;
    }

    /** The nodes of these vertices, when each is a hidden node; else null. */
    private static int[] read(List<String> inputs, Map<String, Integer> index, List<Node> nodes) {
        int[] read = new int[inputs.size()];
        for (int k = 0; k < read.length; k++) {
            Integer node = index.get(inputs.get(k));
            if (node == null || nodes.get(node).isOutput()) {
                return null;
            }
            read[k] = node;
        }
        return read;
    }

    /**
     * Records a cross-stitch unit reading a merge of its towers' dense layers, each as wide as the
     * unit's blocks, when it has no dropout and one T×T parameter; its blocks become nodes as the
     * slices reading them are met. Else says why not.
     */
    private static String stitchUnit(ComputationGraph graph, String name, TowerStitch unit, List<String> merged,
                                     Map<String, Integer> index, List<Node> nodes, Map<String, StitchUnit> units) {
        int towers = unit.getTowers();
        org.deeplearning4j.nn.conf.layers.Layer conf = (org.deeplearning4j.nn.conf.layers.Layer) unit;
        Layer layer = graph.getLayer(name);
        if (merged.size() != towers || conf.getIDropout() != null || layer.numParams() != (long) towers * towers
                || layer.paramTable().size() != 1) {
            return "cross-stitch unit '" + name + "' does not read its " + towers + " towers with one " + towers + "x" + towers
                    + " parameter and no dropout";
        }
        int[] read = new int[towers];
        int width = -1;
        for (int t = 0; t < towers; t++) {
            Integer node = index.get(merged.get(t));
            if (node == null || nodes.get(node).isOutput() || (width >= 0 && nodes.get(node).width() != width)) {
                return "cross-stitch unit '" + name + "' reads '" + merged.get(t) + "', which is not a dense layer as wide as the others";
            }
            read[t] = node;
            width = nodes.get(node).width();
        }
        String key = layer.paramTable().keySet().iterator().next();
        units.put(name, new StitchUnit(name, key, read, width, layer.params(), layer.getGradientsViewArray()));
        return null;
    }

    /** A cross-stitch unit whose blocks the slices after it read. */
    private record StitchUnit(String name, String key, int[] towers, int width, INDArray alpha, INDArray alphaGradient) {
    }

    /**
     * Folds a dropout layer into the hidden dense layer (or cross-stitch block) it reads, when that feeds nothing else
     * and the dropout is DL4J's plain inverted dropout with a fixed probability; else says why not.
     */
    private static String foldDropout(ComputationGraphConfiguration conf, String name, IDropout dropout, String from,
                                      Map<String, Integer> index, List<Node> nodes, List<Integer> order) {
        Integer parent = index.get(from);
        if (parent == null || nodes.get(parent).isOutput() || nodes.get(parent).kind() == Kind.MIXTURE || nodes.get(parent).dropout() != null
                || !from.equals(nodes.get(parent).name())) {
            return "dropout layer '" + name + "' does not follow a dense layer";
        }
        if (dropout != null && (dropout.getClass() != Dropout.class || ((Dropout) dropout).getPSchedule() != null)) {
            return "layer '" + name + "' uses a dropout other than a fixed inverted dropout";
        }
        if (dropout == null) {
            index.put(name, parent);
            return null;
        }
        long readers = conf.getVertexInputs().values().stream().filter(inputs -> inputs.contains(from)).count();
        if (readers == 1 && !conf.getNetworkOutputs().contains(from)) {
            nodes.set(parent, nodes.get(parent).withDropout((Dropout) dropout));
            order.add(-parent - 1);
            index.put(name, parent);
            return null;
        }
        // the layer's output is read before the dropout too (MTAN's masks read it): the dropout is a node of its own
        int node = nodes.size();
        nodes.add(Node.reading(Kind.DROPOUT, name, new int[] {parent}, nodes.get(parent).width()).withDropout((Dropout) dropout));
        order.add(node);
        order.add(-node - 1);
        index.put(name, node);
        return null;
    }

    private static Optional<String> unsupported(String name, org.deeplearning4j.nn.conf.layers.Layer layer, boolean isOutput) {
        if (isOutput) {
            if (!(layer instanceof OutputLayer out) || !out.hasBias()) {
                return Optional.of("output '" + name + "' is not a dense output layer with bias");
            }
            boolean supported = (out.getLossFn() instanceof LossMCXENT && out.getActivationFn() instanceof ActivationSoftmax)
                    || (out.getLossFn() instanceof LossBinaryXENT && out.getActivationFn() instanceof ActivationSigmoid)
                    // a head's own loss computes its score and dL/dz itself, as DL4J's losses do here
                    || (out.getLossFn() instanceof ScalableLoss
                    && (out.getActivationFn() instanceof ActivationSigmoid || out.getActivationFn() instanceof ActivationSoftmax))
                    || ((out.getLossFn() instanceof LossMSE || out.getLossFn() instanceof LossMAE)
                    && out.getActivationFn() instanceof ActivationIdentity);
            return supported ? Optional.empty() : Optional.of("output '" + name + "' has an unsupported loss/activation");
        }
        if (!(layer instanceof DenseLayer dense) || !dense.hasBias() || dense.hasLayerNorm()) {
            return Optional.of("layer '" + name + "' is not a plain dense layer");
        }
        IActivation activation = dense.getActivationFn();
        boolean supported = activation instanceof ActivationReLU relu && relu.getMax() == null && zero(relu.getThreshold())
                && zero(relu.getNegativeSlope())
                || activation instanceof ActivationTanH || activation instanceof ActivationSigmoid
                || activation instanceof ActivationIdentity
                // a mixture's gate; its derivative is DL4J's own
                || activation instanceof ActivationSoftmax;
        return supported ? Optional.empty() : Optional.of("layer '" + name + "' has an unsupported activation");
    }

    /** The same memory as a [1, n] row, the shape a GEMM writes. */
    private static INDArray asRow(INDArray vector) {
        return vector.reshape(1, vector.length());
    }

    private static boolean zero(Double value) {
        return value == null || value == 0;
    }

    /**
     * @param topology the topology, or null
     * @param reason why there is none, or null
     */
    record Result(DenseTopology topology, String reason) {
        static Result no(String reason) {
            return new Result(null, reason);
        }
    }
}
