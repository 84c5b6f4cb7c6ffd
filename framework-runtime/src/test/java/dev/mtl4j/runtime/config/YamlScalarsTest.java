package dev.mtl4j.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

final class YamlScalarsTest {

    @Test
    void integersInEveryYaml11Form() {
        assertThat(YamlScalars.integer("1_000")).isEqualTo(1000);
        assertThat(YamlScalars.integer("010")).isEqualTo(8);
        assertThat(YamlScalars.integer("0b101")).isEqualTo(5);
        assertThat(YamlScalars.integer("-0x10")).isEqualTo(-16);
        assertThat(YamlScalars.integer("+7")).isEqualTo(7);
        assertThat(YamlScalars.integer("-2147483648")).isEqualTo(Integer.MIN_VALUE);
    }

    @Test
    void integersBeyondIntBecomeLongAndBeyondLongAreRefused() {
        assertThat(YamlScalars.integer("3000000000")).isEqualTo(3_000_000_000L);
        assertThatThrownBy(() -> YamlScalars.integer("99999999999999999999")).isInstanceOf(NumberFormatException.class);
    }

    @Test
    void floatsIncludingInfinityAndNan() {
        assertThat(YamlScalars.decimal("1.0e-3")).isEqualTo(0.001);
        assertThat(YamlScalars.decimal("1_000.5")).isEqualTo(1000.5);
        assertThat(YamlScalars.decimal("-.inf")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(YamlScalars.decimal(".NaN")).isNaN();
    }
}
