package dev.mtl4j.plugins.heads;

import dev.mtl4j.api.spi.Head;
import dev.mtl4j.api.spi.HeadFactory;

/** {@code regression}: real-valued targets. */
public final class RegressionHeadFactory implements HeadFactory<RegressionConfig> {

    @Override
    public String name() {
        return "regression";
    }

    @Override
    public String description() {
        return "Regression: identity outputs, MSE or MAE on standardised targets, restored to original units; metrics MSE, MAE, R2.";
    }

    @Override
    public Class<RegressionConfig> configType() {
        return RegressionConfig.class;
    }

    @Override
    public Head create(RegressionConfig config) {
        return new RegressionHead(config);
    }
}
