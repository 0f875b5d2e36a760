package io.ribao.bulletin.document;

/** 二、主要数据: one metric's jurisdiction-wide total today, and its change against the previous day (null if unknown). */
public record KeyFigure(String code, String name, long today, Long yesterday, Long change) {

    public static KeyFigure of(String code, String name, long today, Long yesterday) {
        return new KeyFigure(code, name, today, yesterday, yesterday == null ? null : today - yesterday);
    }
}
