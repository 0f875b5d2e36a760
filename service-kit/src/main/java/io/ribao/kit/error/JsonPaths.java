package io.ribao.kit.error;

import com.fasterxml.jackson.databind.JsonMappingException;

/** Renders Jackson's reference chain as {@code findings[0].dueDate}. */
final class JsonPaths {

    private JsonPaths() {
    }

    static String of(JsonMappingException exception) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : exception.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
