package io.ribao.bulletin.workflow;

import io.ribao.kit.i18n.Text;

/** A workflow step that the bulletin's state does not allow; answered as 409 with {@link #code()}. */
public class BulletinConflict extends RuntimeException {

    private final String code;
    private final Text text;

    public BulletinConflict(String code, Text text) {
        super(text.english());
        this.code = code;
        this.text = text;
    }

    public String code() {
        return code;
    }

    public Text text() {
        return text;
    }
}
