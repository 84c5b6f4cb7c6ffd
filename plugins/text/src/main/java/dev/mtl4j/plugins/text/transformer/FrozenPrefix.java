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
            cache = new PrefixCache(layerConf().getCacheMegabytes() * (1L << 20));
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

    /** Runs the frozen layers on the texts not in the cache, and caches what they give. */
    private void compute(PrefixCache.Key[] keys, List<Integer> missing, float[][] rows, int hidden) {
        long[][] texts = new long[missing.size()][];
        for (int i = 0; i < texts.length; i++) {
            float[] rowIds = keys[missing.get(i)].ids();
            texts[i] = new long[rowIds.length];
            for (int t = 0; t < rowIds.length; t++) {
                texts[i][t] = (long) rowIds[t];
            }
        }
        INDArray[] padded = PretrainedForward.padded(texts, dataType);
        FrozenPrefixLayer conf = layerConf();
        INDArray x = conf.math().forward(padded[0], params).output(hidden);
        INDArray bias = AttentionMath.maskBias(padded[1]);
        BlockMath block = new BlockMath(conf.blockSpec());
        for (int b = 0; b < conf.getBlocks(); b++) {
            x = block.forward(x, bias, blockParams(b)).output();
        }
        float[] all = x.castTo(DataType.FLOAT).dup('c').data().asFloat();
        long width = x.size(1) * hidden;
        for (int i = 0; i < texts.length; i++) {
            float[] row = new float[texts[i].length * hidden];
            System.arraycopy(all, (int) (i * width), row, 0, row.length);
            int r = missing.get(i);
            rows[r] = row;
            cache.put(keys[r], row);
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
