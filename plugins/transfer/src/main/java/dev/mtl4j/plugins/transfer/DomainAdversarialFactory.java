package dev.mtl4j.plugins.transfer;

import dev.mtl4j.api.spi.TransferStrategy;
import dev.mtl4j.api.spi.TransferStrategyFactory;

/** {@code domain-adversarial}: DANN, a domain classifier behind a gradient-reversal layer. */
public final class DomainAdversarialFactory implements TransferStrategyFactory<DomainAdversarialConfig> {

    @Override
    public String name() {
        return "domain-adversarial";
    }

    @Override
    public String description() {
        return "Domain adaptation by DANN (Ganin et al. 2016): a domain classifier behind a gradient-reversal layer makes the"
                + " encoder's features alike on labelled source rows and unlabelled target rows (data.target); removed"
                + " before saving.";
    }

    @Override
    public Class<DomainAdversarialConfig> configType() {
        return DomainAdversarialConfig.class;
    }

    @Override
    public TransferStrategy create(DomainAdversarialConfig config) {
        return new DomainAdversarial(config);
    }
}
