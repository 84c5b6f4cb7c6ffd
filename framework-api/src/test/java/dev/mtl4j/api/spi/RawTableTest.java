package dev.mtl4j.api.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class RawTableTest {

    @Test
    void repeatedValuesAreKeptOnceWithACodePerRow() {
        RawTable table = RawTable.of("t.csv", List.of("sex", "age"),
                List.of(new String[] {"F", "30"}, new String[] {"M", null}, new String[] {"F", "30"}, new String[] {null, ""}),
                new int[] {2, 3, 5, 6});
        RawColumn sex = table.column(0);
        assertThat(sex.coded()).isTrue();
        assertThat(sex.codeCount()).isEqualTo(2);
        assertThat(sex.code(0)).isEqualTo(sex.code(2)).isNotEqualTo(sex.code(1));
        assertThat(sex.code(3)).isEqualTo(RawColumn.MISSING);
        assertThat(table.cell(3, 0)).isNull();
        assertThat(table.cell(3, 1)).isEmpty();
        assertThat(table.row(1)).containsExactly("M", null);
        assertThat(table.where(2, 1)).isEqualTo("t.csv: row 3 (line 5), column 'age'");
        assertThat(table.columnIndex("age")).isEqualTo(1);
        assertThat(table.columnIndex("AGE")).isEqualTo(-1);
    }

    @Test
    void aColumnWhoseValuesRarelyRepeatTurnsPackedWithEveryCellIntact() {
        RawTableBuilder builder = RawTable.builder("big.csv", List.of("id", "group", "text"));
        List<String[]> rows = new ArrayList<>();
        for (int r = 0; r < 20_000; r++) {
            String[] row = {"id-" + r, "g" + (r % 7), r % 101 == 0 ? null : "ünïcode " + r + " ✓"};
            rows.add(row);
            builder.addRow(r + 2, row);
        }
        RawTable table = builder.build();
        assertThat(table.column(0).coded()).isFalse();
        assertThat(table.column(1).coded()).isTrue();
        assertThat(table.column(1).codeCount()).isEqualTo(7);
        assertThat(table.column(2).coded()).isFalse();
        for (int r = 0; r < rows.size(); r += 37) {
            assertThat(table.row(r)).containsExactly(rows.get(r));
            assertThat(table.line(r)).isEqualTo(r + 2);
        }
        assertThat(table.column(2).code(0)).isEqualTo(RawColumn.MISSING);
        assertThat(table.column(2).code(1)).isEqualTo(1);
        // far less than a String per cell: 60,000 cells, about 40 bytes of object header and array each
        assertThat(table.memoryBytes()).isLessThan(1_000_000);
    }

    @Test
    void cellsGivenAsUtf8BytesAreCopied() {
        RawTableBuilder builder = RawTable.builder("t.csv", List.of("a"));
        byte[] buffer = "xyz".getBytes(StandardCharsets.UTF_8);
        builder.addUtf8(buffer, 1, 2).endRow(2);
        buffer[1] = 'Q';
        builder.addMissing().endRow(3);
        RawTable table = builder.build();
        assertThat(table.cell(0, 0)).isEqualTo("yz");
        assertThat(table.isMissing(1, 0)).isTrue();
        assertThat(table.size()).isEqualTo(2);
    }

    @Test
    void renamedColumnsShareTheCells() {
        RawTable table = RawTable.of("t.csv", List.of("a", "b"), List.<String[]>of(new String[] {"1", "2"}), new int[] {2});
        RawTable renamed = table.withColumns(List.of("x", "b"));
        assertThat(renamed.cell(0, renamed.columnIndex("x"))).isEqualTo("1");
        assertThat(renamed.origin()).isEqualTo("t.csv");
        assertThatThrownBy(() -> table.withColumns(List.of("b", "b"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRowMustHaveACellPerColumn() {
        RawTableBuilder builder = RawTable.builder("t.csv", List.of("a", "b"));
        builder.add("1");
        assertThatThrownBy(() -> builder.endRow(2)).isInstanceOf(IllegalStateException.class).hasMessageContaining("1 cells for 2");
        assertThatThrownBy(() -> RawTable.builder("t.csv", List.of("a", "a"))).isInstanceOf(IllegalArgumentException.class);
    }
}
