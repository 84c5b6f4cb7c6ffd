package dev.mtl4j.runtime.cli;

import dev.mtl4j.api.ErrorCategory;
import dev.mtl4j.api.MtlException;
import dev.mtl4j.runtime.MtlRuntime;
import dev.mtl4j.runtime.eval.GateWeights;
import dev.mtl4j.runtime.model.TrainedModel;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code mtl gates MODEL DATA}: which expert each task leans on, for mixture-of-experts sharing. */
@Command(name = "gates", description = "Show the mean gate weight of every task on every expert (sharing: attention, "
        + "kind mmoe or cgc), over the rows of a data file.")
final class GatesCommand implements Callable<Integer>, InputCommand {
    @ParentCommand
    MtlCommand parent;

    @Parameters(index = "0", paramLabel = "MODEL", description = "A model.zip written by mtl train.")
    Path model;

    @Parameters(index = "1", paramLabel = "DATA", description = "A data file in the model's training format.")
    Path data;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the weights as JSON (task -> expert -> weight).")
    Path json;

    @Override
    public Path input() {
        return data;
    }

    @Override
    public Integer call() {
        MtlRuntime runtime = parent.runtime();
        TrainedModel trained = runtime.load(model);
        GateWeights gates = runtime.gates(trained, data);
        if (gates.isEmpty()) {
            throw new MtlException(ErrorCategory.CONFIG_INVALID, model + ": sharing '" + trained.spec().sharing().type()
                    + "' has no gates; gate weights exist for sharing type attention with kind mmoe or cgc");
        }
        Console.system().result(gates.render());
        if (json != null) {
            MetricsJson.write(gates.byTask(), json);
        }
        return 0;
    }
}
