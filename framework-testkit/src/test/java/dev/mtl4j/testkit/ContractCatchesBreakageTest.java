package dev.mtl4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** The contract fails a plugin for each clause it breaks, and only for those ({@link BrokenPlugin}). */
final class ContractCatchesBreakageTest {

    @Test
    void eachBrokenClauseFailsItsCheck() {
        var events = EngineTestKit.engine("junit-jupiter").selectors(selectClass(BrokenPlugin.Contract.class)).execute()
                .testEvents();

        List<String> failed = events.failed().stream().map(ContractCatchesBreakageTest::name).toList();
        List<String> passed = events.succeeded().stream().map(ContractCatchesBreakageTest::name).toList();

        assertThat(failed).contains(
                "everyComponentIsNamedDescribedAndDocumented: encoder undocumented",
                "aHeadsOutputHasTheWidthItAnnounces: head too-wide",
                "aHeadAtWeightZeroKeepsItsInitialParameters: head self-decaying",
                "aSamplerDealsAnEpochTheTrainerRuns: sampler empty");
        assertThat(passed).contains(
                "aHeadsOutputHasTheWidthItAnnounces: head self-decaying",
                "anEncoderBuildsANetworkThatLearns: encoder undocumented",
                "everyComponentIsNamedDescribedAndDocumented: head too-wide",
                "configErrorsCarryTheirKeys: sampler empty");
    }

    /** {@code factoryMethod: dynamic test name}. */
    private static String name(Event event) {
        String id = event.getTestDescriptor().getUniqueId().toString();
        int start = id.indexOf("[test-factory:") + "[test-factory:".length();
        String factory = start < "[test-factory:".length() ? "" : id.substring(start, id.indexOf("()", start));
        return factory + ": " + event.getTestDescriptor().getDisplayName();
    }
}
