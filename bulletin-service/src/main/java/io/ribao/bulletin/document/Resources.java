package io.ribao.bulletin.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads the bulletin's bundled resources (stylesheet, font) from the class path. */
final class Resources {

    private Resources() {
    }

    static byte[] bytes(String path) {
        try (InputStream in = Resources.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing class-path resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read class-path resource " + path, e);
        }
    }
}
