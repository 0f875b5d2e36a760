package io.ribao.bulletin.workflow;

import io.ribao.kit.i18n.Text;

/** No bulletin of that id; answered 404. */
public final class UnknownBulletin extends RuntimeException {

    private final Text text;

    public UnknownBulletin(String id) {
        super(textOf(id).english());
        this.text = textOf(id);
    }

    static Text textOf(String id) {
        return Text.of("没有专报“" + id + "”", "unknown bulletin '" + id + "'");
    }

    public Text text() {
        return text;
    }
}
