package io.ribao.bulletin.workflow;

/** A workflow step that the bulletin's state does not allow; answered as 409 with {@link #code()}. */
public class BulletinConflict extends RuntimeException {

    private final String code;

    public BulletinConflict(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
