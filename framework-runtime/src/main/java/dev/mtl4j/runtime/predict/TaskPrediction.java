package dev.mtl4j.runtime.predict;

/**
 * One task's prediction for one record. Which kind a task gives follows its head's target kind:
 * {@link ClassPrediction} for classification and binary heads, {@link LabelsPrediction} for
 * multilabel heads, {@link ValuesPrediction} for regression heads.
 */
public sealed interface TaskPrediction permits ClassPrediction, LabelsPrediction, ValuesPrediction {
}
