package dev.mtl4j.testkit;

import dev.mtl4j.api.spi.ComponentFactory;
import dev.mtl4j.api.spi.Plugin;
import dev.mtl4j.runtime.plugin.Family;
import dev.mtl4j.runtime.plugin.PluginRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract every mtl4j plugin keeps, as JUnit 5 tests over each of its components. A plugin's
 * test extends it and names the plugin:
 *
 * <pre>{@code
 * final class MyPluginContractTest extends PluginContract {
 *     @Override
 *     protected Plugin plugin() {
 *         return new MyPlugin();
 *     }
 * }
 * }</pre>
 *
 * <p>Each component runs inside real, small networks that the mtl4j runtime compiles and trains,
 * next to stand-ins of the testkit for the other families (an encoder, a regression head, a sharing
 * strategy and a data set named {@code testkit-...}, and the default task weighting), on generated rows with a label column for every
 * kind of head. Only the plugin under test and the stand-ins are loaded, whatever else is on the
 * class path. Checked, per component:
 * <ul>
 *   <li>every component: a lower-case dashed name, a one-sentence description, a documented
 *       {@code @Param} on every config parameter, and a config that binds;</li>
 *   <li>config errors carry their keys: an unknown parameter, a value of the wrong type and a
 *       missing required parameter are each reported under the parameter's name;</li>
 *   <li>heads: the output layer is as wide as {@code outputSize} announces and the labels need, and a
 *       task at weight λ = 0 leaves its head's parameters exactly as they started;</li>
 *   <li>encoders: a network with the encoder learns (its loss falls over a few epochs; on text when
 *       the encoder reads text);</li>
 *   <li>sharing strategies: every one of three tasks is attached, reads something computed from
 *       the input, and trains to a finite loss;</li>
 *   <li>task samplers: an epoch is a non-empty order of existing data sets, the same for one seed,
 *       and training with it gives every task batches;</li>
 *   <li>data sets: reading gives rows of the columns' width under unique column names;</li>
 *   <li>transfer strategies: a trained model carried over to a new task, which then learns;</li>
 *   <li>task weightings: three tasks train under the method, every epoch with a finite loss and a
 *       finite weight for each task, and their summed loss falls.</li>
 * </ul>
 */
public abstract class PluginContract {
    @TempDir
    Path folder;

    private Bench bench;

    /** The plugin under test. */
    protected abstract Plugin plugin();

    /**
     * The parameters the contract configures a component type with: override for types with
     * required parameters (a data set's {@code path}, say). Defaults otherwise.
     *
     * @param type the component's type name
     */
    protected Map<String, Object> params(String type) {
        return Map.of();
    }

    @Test
    void loadsAsAPlugin() {
        PluginRegistry.of(List.of(plugin()));
    }

    @TestFactory
    Stream<DynamicTest> everyComponentIsNamedDescribedAndDocumented() {
        return each(null, (family, factory) -> FactoryChecks.describedAndDocumented(family, factory, params(factory.name())));
    }

    @TestFactory
    Stream<DynamicTest> configErrorsCarryTheirKeys() {
        return each(null, (family, factory) -> FactoryChecks.errorsCarryTheirKeys(family, factory, params(factory.name()),
                bench().runtime().resolver()));
    }

    @TestFactory
    Stream<DynamicTest> aHeadsOutputHasTheWidthItAnnounces() {
        return each(Family.HEAD, (family, factory) -> HeadChecks.outputWidth(bench(), factory.name(), params(factory.name()),
                folder("width-" + factory.name())));
    }

    @TestFactory
    Stream<DynamicTest> aHeadAtWeightZeroKeepsItsInitialParameters() {
        return each(Family.HEAD, (family, factory) -> HeadChecks.untouchedAtWeightZero(bench(), factory.name(),
                params(factory.name()), folder("zero-" + factory.name())));
    }

    @TestFactory
    Stream<DynamicTest> anEncoderBuildsANetworkThatLearns() {
        return each(Family.ENCODER, (family, factory) -> NetworkChecks.encoderLearns(bench(), factory.name(),
                params(factory.name()), folder("encoder-" + factory.name())));
    }

    @TestFactory
    Stream<DynamicTest> aSharingStrategyAttachesEveryTask() {
        return each(Family.SHARING, (family, factory) -> NetworkChecks.everyTaskAttached(bench(), factory.name(),
                params(factory.name()), folder("sharing-" + factory.name())));
    }

    @TestFactory
    Stream<DynamicTest> aSamplerDealsAnEpochTheTrainerRuns() {
        return each(Family.SAMPLER, (family, factory) -> DataChecks.samplerDeals(bench(), factory.name(),
                params(factory.name()), folder("sampler-" + factory.name())));
    }

    @TestFactory
    Stream<DynamicTest> aDataSetReadsAWellFormedTable() {
        return each(Family.DATASET, (family, factory) -> DataChecks.datasetReads(bench(), factory.name(),
                params(factory.name()), folder));
    }

    @TestFactory
    Stream<DynamicTest> aTransferStrategyCarriesAModelToANewTask() {
        return each(Family.TRANSFER, (family, factory) -> TransferChecks.newTaskLearns(bench(), factory.name(),
                params(factory.name()), folder("transfer-" + factory.name())));
    }

    @TestFactory
    Stream<DynamicTest> tasksTrainUnderATaskWeighting() {
        return each(Family.WEIGHTING, (family, factory) -> WeightingChecks.tasksTrainUnderIt(bench(), factory.name(),
                params(factory.name()), folder("weighting-" + factory.name())));
    }

    /** One dynamic test per component of a family (of every family when {@code only} is null). */
    private Stream<DynamicTest> each(Family<?> only, Check check) {
        Plugin plugin = plugin();
        return Family.all().stream().filter(family -> only == null || family == only)
                .flatMap(family -> family.provided(plugin).stream()
                        .map(factory -> DynamicTest.dynamicTest(family.id() + " " + factory.name(),
                                () -> check.run(family, factory))));
    }

    private Bench bench() {
        if (bench == null) {
            bench = new Bench(plugin());
        }
        return bench;
    }

    private Path folder(String name) {
        try {
            return Files.createDirectories(folder.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    private interface Check {
        void run(Family<?> family, ComponentFactory<?> factory) throws Exception;
    }
}
