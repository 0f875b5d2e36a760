package io.ribao.bulletin.workflow;

import io.ribao.kit.i18n.Text;

/** A workflow step by someone whose role may not take it (an unauthorized release is 私自上报); answered 403. */
public final class NotPermitted extends RuntimeException {

    private final Text text;

    public NotPermitted(Text text) {
        super(text.english());
        this.text = text;
    }

    public Text text() {
        return text;
    }
}
