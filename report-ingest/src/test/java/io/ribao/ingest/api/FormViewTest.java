package io.ribao.ingest.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.ribao.ingest.core.ReportValidator;
import io.ribao.schemas.roster.Form;
import io.ribao.schemas.roster.MetricDefinition;
import java.util.List;
import org.junit.jupiter.api.Test;

class FormViewTest {

    @Test
    void aMetricWithoutAMaximumIsShownWithTheOneTheServiceEnforces() {
        Form form = Form.newBuilder().setId("patrol-daily").setName("巡逻日报").setMetrics(List.of(
                MetricDefinition.newBuilder().setCode("patrols").setName("巡逻次数").setMax(500L).build(),
                MetricDefinition.newBuilder().setCode("persons_checked").setName("盘查人数").build())).build();

        FormView view = FormView.of(form, ReportValidator.DEFAULT_MAX);

        assertThat(view.metrics()).extracting(FormView.MetricView::code, FormView.MetricView::max)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("patrols", 500L),
                        org.assertj.core.groups.Tuple.tuple("persons_checked", 2_147_483_647L));
    }
}
