package io.ribao.kit.error;

/** One invalid input, named by its JSON path (e.g. {@code metrics.persons_registered}, {@code findings[0].dueDate}). */
public record FieldError(String field, String message) {
}
