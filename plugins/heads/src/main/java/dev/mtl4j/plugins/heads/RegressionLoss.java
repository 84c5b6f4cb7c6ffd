package dev.mtl4j.plugins.heads;

/** The regression losses, as written in YAML. */
public enum RegressionLoss {
    /** Mean squared error. */
    MSE,
    /** Mean absolute error. */
    MAE
}
