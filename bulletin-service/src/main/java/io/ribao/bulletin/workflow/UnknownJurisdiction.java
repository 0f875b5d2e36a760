package io.ribao.bulletin.workflow;

import io.ribao.kit.i18n.Text;

/** No jurisdiction of that id in the roster read model; answered 404. */
public final class UnknownJurisdiction extends RuntimeException {

    private final Text text;

    public UnknownJurisdiction(String jurisdictionId) {
        super("unknown jurisdiction '" + jurisdictionId + "'");
        this.text = Text.of("名册中没有辖区“" + jurisdictionId + "”", getMessage());
    }

    public Text text() {
        return text;
    }
}
