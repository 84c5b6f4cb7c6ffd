package dev.mtl4j.plugins.heads;

import dev.mtl4j.api.spi.HeadFactory;
import dev.mtl4j.api.spi.Plugin;
import java.util.List;

/** The built-in task heads. */
public final class HeadsPlugin implements Plugin {

    @Override
    public String name() {
        return "heads";
    }

    @Override
    public List<HeadFactory<?>> heads() {
        return List.of(new ClassificationHeadFactory(), new BinaryHeadFactory(), new MultilabelHeadFactory(),
                new RegressionHeadFactory(), new OrdinalHeadFactory());
    }
}
