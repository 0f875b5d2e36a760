package io.ribao.bulletin.document;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonRendererTest {

    private final JsonRenderer json = new JsonRenderer();

    @Test
    void contentSurvivesARoundTripThroughItsCanonicalJson() {
        BulletinContent content = DemoCounty.content("下步工作").withIssueNo(3);

        BulletinContent back = json.parse(json.render(content));

        assertThat(back).isEqualTo(content);
        assertThat(json.render(content)).contains("\"date\":\"2026-03-14\"").contains("\"issueNo\":3");
    }

    @Test
    void theHashIsStableForEqualContentAndChangesWithTheNarrative() {
        String first = json.sha256(DemoCounty.content("A"));
        String again = json.sha256(DemoCounty.content("A"));
        String other = json.sha256(DemoCounty.content("B"));

        assertThat(first).hasSize(64).isEqualTo(again).isNotEqualTo(other);
    }
}
