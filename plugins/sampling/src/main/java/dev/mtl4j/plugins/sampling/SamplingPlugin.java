package dev.mtl4j.plugins.sampling;

import dev.mtl4j.api.spi.Plugin;
import dev.mtl4j.api.spi.TaskSamplerFactory;
import java.util.List;

/** The built-in task samplers. */
public final class SamplingPlugin implements Plugin {

    @Override
    public String name() {
        return "sampling";
    }

    @Override
    public List<TaskSamplerFactory<?>> taskSamplers() {
        return List.of(new ProportionalSamplerFactory(), new TemperatureSamplerFactory(), new RoundRobinSamplerFactory(),
                new UniformSamplerFactory());
    }
}
