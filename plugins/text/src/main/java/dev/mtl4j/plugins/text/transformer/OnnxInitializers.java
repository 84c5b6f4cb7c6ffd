package dev.mtl4j.plugins.text.transformer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import onnx.Onnx;

/**
 * The float initializers of an ONNX model exported from a PyTorch BERT, under PyTorch's parameter
 * names. Embeddings, biases and layer norms keep their names in the export; the linear layers'
 * weights are stored transposed ({@code [in, out]}) under generated names ({@code onnx::MatMul_787}),
 * so each is named after the MatMul node that reads it ({@code /encoder/layer.0/attention/self/query/MatMul}
 * → {@code encoder.layer.0.attention.self.query.weight}). Read with the ONNX protobuf classes that
 * ship in nd4j-api.
 */
final class OnnxInitializers {
    private static final int FLOAT = 1;

    private OnnxInitializers() {
    }

    /** A tensor's values, row-major, and its dimensions. */
    record Tensor(float[] values, long[] dims) {
    }

    static Map<String, Tensor> read(InputStream in) throws IOException {
        Onnx.GraphProto graph = Onnx.ModelProto.parseFrom(in).getGraph();
        Map<String, String> weightNames = new HashMap<>();
        for (Onnx.NodeProto node : graph.getNodeList()) {
            if (node.getOpType().equals("MatMul") && node.getName().endsWith("/MatMul") && node.getInputCount() == 2) {
                String module = node.getName().substring(1, node.getName().length() - "/MatMul".length());
                weightNames.put(node.getInput(1), module.replace('/', '.') + ".weight");
            }
        }
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (Onnx.TensorProto tensor : graph.getInitializerList()) {
            if (tensor.getDataType() != FLOAT) {
                continue; // position ids (int64): positions are 0..L-1 by construction
            }
            String name = weightNames.getOrDefault(tensor.getName(), tensor.getName());
            long[] dims = tensor.getDimsList().stream().mapToLong(Long::longValue).toArray();
            tensors.put(name, new Tensor(values(tensor), dims));
        }
        return tensors;
    }

    private static float[] values(Onnx.TensorProto tensor) {
        if (tensor.getFloatDataCount() > 0) {
            float[] values = new float[tensor.getFloatDataCount()];
            for (int i = 0; i < values.length; i++) {
                values[i] = tensor.getFloatData(i);
            }
            return values;
        }
        FloatBuffer raw = tensor.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        float[] values = new float[raw.remaining()];
        raw.get(values);
        return values;
    }
}
