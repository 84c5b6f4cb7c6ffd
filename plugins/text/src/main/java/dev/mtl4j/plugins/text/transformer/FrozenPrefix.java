package dev.mtl4j.plugins.text.transformer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.MaskState;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.BaseLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The running {@link FrozenPrefixLayer}. Each text's output depends on its own ids alone (padding is
 * masked out of attention), so it is computed once, kept in a {@link PrefixCache}, and written back
 * into each batch that holds the text; padding positions are 0, cached or not.
 */
final class FrozenPrefix extends BaseLayer<FrozenPrefixLayer> {
    private PrefixCache cache;

    FrozenPrefix(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        if (cache == null) {
            cache = layerConf().cache(dataType);
        }
        INDArray ids = TokenMasks.cutToLongest(input, maskArray);
        int batch = (int) ids.size(0);
        int length = (int) ids.size(1);
        int hidden = layerConf().outputWidth();
        INDArray mask = TokenMasks.mask(maskArray, ids);
        float[][] rows = new float[batch][];
        PrefixCache.Key[] keys = new PrefixCache.Key[batch];
        List<Integer> missing = new ArrayList<>();
        for (int r = 0; r < batch; r++) {
            int tokens = Math.max(1, mask.getRow(r).sumNumber().intValue());
            float[] rowIds = new float[tokens];
            for (int t = 0; t < tokens; t++) {
                rowIds[t] = ids.getFloat(r, t);
            }
            keys[r] = new PrefixCache.Key(rowIds);
            rows[r] = cache.get(keys[r]);
            if (rows[r] == null) {
                missing.add(r);
            }
        }
        if (!missing.isEmpty()) {
            compute(keys, missing, rows, hidden);
        }
        float[] out = new float[batch * length * hidden];
        for (int r = 0; r < batch; r++) {
            System.arraycopy(rows[r], 0, out, r * length * hidden, rows[r].length);
        }
        INDArray output = Nd4j.create(out, new long[] {batch, length, hidden}, 'c').castTo(dataType);
        return workspaceMgr.leverageTo(ArrayType.ACTIVATIONS, output);
    }

    /**
     * Runs the frozen layers on the texts not in the cache, one text at a time and without padding,
     * so that a text's output is a function of its ids alone (bit for bit, whichever batch it first
     * came in), and caches what they give.
     */
    private void compute(PrefixCache.Key[] keys, List<Integer> missing, float[][] rows, int hidden) {
        FrozenPrefixLayer conf = layerConf();
        BlockMath block = new BlockMath(conf.blockSpec());
        List<Map<String, INDArray>> blocks = new ArrayList<>();
        for (int b = 0; b < conf.getBlocks(); b++) {
            blocks.add(blockParams(b));
        }
        for (int r : missing) {
            float[] rowIds = keys[r].ids();
            INDArray ids = Nd4j.create(rowIds, new long[] {1, rowIds.length}, 'c').castTo(dataType);
            INDArray x = conf.math().forward(ids, params).output(hidden);
            INDArray bias = Nd4j.zeros(dataType, 1, rowIds.length);
            for (Map<String, INDArray> p : blocks) {
                x = block.forward(x, bias, p).output();
            }
            rows[r] = x.castTo(DataType.FLOAT).dup('c').data().asFloat();
            cache.put(keys[r], rows[r]);
        }
    }

    private Map<String, INDArray> blockParams(int block) {
        Map<String, INDArray> p = new HashMap<>();
        for (BlockSpec.Param param : layerConf().blockSpec().params()) {
            p.put(param.key(), params.get(FrozenPrefixLayer.blockKey(block, param.key())));
        }
        return p;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        // nothing here trains, and token ids have no gradient
        return new Pair<>(new DefaultGradient(gradientsFlattened), null);
    }

    @Override
    public Pair<INDArray, MaskState> feedForwardMaskArray(INDArray maskArray, MaskState currentMaskState, int minibatchSize) {
        this.maskArray = maskArray;
        this.maskState = currentMaskState;
        return new Pair<>(maskArray, currentMaskState);
    }

    @Override
    public boolean isPretrainLayer() {
        return false;
    }
}
