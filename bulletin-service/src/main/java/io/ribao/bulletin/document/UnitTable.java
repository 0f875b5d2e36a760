package io.ribao.bulletin.document;

import java.util.List;

/** 三、one table per unit kind (分乡镇 / 卡点 / 部门 …): the metric columns shown and one row per unit. */
public record UnitTable(String kind, List<Column> columns, List<UnitRow> rows) {

    public UnitTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /** A metric column: its code and its display name. */
    public record Column(String code, String name) {
    }
}
