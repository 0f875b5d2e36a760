package io.ribao.kit.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageTest {

    @ParameterizedTest(name = "[{0}] → {1}")
    @CsvSource(delimiter = '|', nullValues = "none", value = {
            "none | CHINESE",
            "'' | CHINESE",
            "zh-CN | CHINESE",
            "zh-CN,zh;q=0.9,en;q=0.8 | CHINESE",
            "en | ENGLISH",
            "EN-us | ENGLISH",
            "' en-GB,en;q=0.9' | ENGLISH",
            "fr-FR,en;q=0.5 | CHINESE"})
    void chineseUnlessEnglishComesFirst(String acceptLanguage, Language expected) {
        assertThat(Language.ofAcceptLanguage(acceptLanguage)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"CHINESE, 请求内容有误", "ENGLISH, the request is invalid"})
    void aTextIsToldInTheReadersLanguage(Language language, String told) {
        assertThat(Text.of("请求内容有误", "the request is invalid").in(language)).isEqualTo(told);
    }
}
