package harvest.system.problem;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;

/**
 * Renders a bean-validation path the way the client wrote the JSON: {@code series[2].hourly[5].time}.
 * Method and parameter nodes are dropped; a bare query or path parameter is named by itself.
 */
public final class ViolationPaths {
    private ViolationPaths() {
    }

    public static String render(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case PARAMETER -> parameter = node.getName();
                case PROPERTY, CONTAINER_ELEMENT -> {
                    if (node.isInIterable() && node.getIndex() != null) {
                        field.append('[').append(node.getIndex()).append(']');
                    }
                    if (node.getKind() == jakarta.validation.ElementKind.PROPERTY) {
                        field.append(field.isEmpty() ? "" : ".").append(node.getName());
                    }
                }
                default -> {
                }
            }
        }
        if (!field.isEmpty()) {
            return field.toString();
        }
        return parameter != null ? parameter : violation.getPropertyPath().toString();
    }
}
